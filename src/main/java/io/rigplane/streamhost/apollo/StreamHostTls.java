package io.rigplane.streamhost.apollo;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for Apollo's config API only. Apollo generates a self-signed certificate at its first start
 * (no CA, no host name, renewed when its state is reset), so there is nothing to verify it against.
 * This context is handed to the one HTTP client that talks to stream hosts on the guests' LAN
 * addresses; every other TLS connection of the JVM keeps the default checks. The trade-off: someone
 * who can intercept traffic to the guest could read the Apollo login; docs/streamhost.md says so.
 */
public final class StreamHostTls {

    private StreamHostTls() {
    }

    public static SSLContext acceptingSelfSigned() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new SelfSignedAccepted()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every Java runtime", e);
        }
    }

    /**
     * Implements the extended interface on purpose: the JDK wraps a plain X509TrustManager in one
     * that checks the host name again, which a certificate without any name can never pass.
     */
    private static final class SelfSignedAccepted extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("this trust manager only checks the stream host it connects to");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("this trust manager only checks the stream host it connects to");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this trust manager only checks the stream host it connects to");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
