package io.rigplane.proxmox.internal;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the leaf whose SHA-256 fingerprint was pinned. Proxmox nodes
 * use self-signed or cluster-CA certificates, so the pin replaces the chain and hostname checks;
 * being an {@link X509ExtendedTrustManager}, JSSE adds no hostname check of its own on top.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {

    private final byte[] pinned;

    public PinnedTrustManager(String fingerprint) {
        this.pinned = parse(fingerprint);
    }

    /** {@code AA:BB:…} (any case, colons optional) to 32 bytes; refuses anything else. */
    public static byte[] parse(String fingerprint) {
        String hex = fingerprint.replace(":", "").replace(" ", "").trim();
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 32 bytes (AA:BB:…), got '" + fingerprint + "'");
        }
        return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
    }

    public static String fingerprintOf(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String actual = fingerprintOf(chain[0]);
        if (!MessageDigest.isEqual(parse(actual), pinned)) {
            throw new PinMismatchException("the server certificate's SHA-256 fingerprint is " + actual
                    + ", not the pinned " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(pinned));
        }
    }

    /** Marks a pin mismatch so the connection check can tell it from other TLS failures. */
    public static final class PinMismatchException extends CertificateException {
        public PinMismatchException(String message) {
            super(message);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
