package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ClusterConnection;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/** The SSLContext of one cluster: the pinned fingerprint, or PKIX against a CA bundle. Never trust-all. */
public final class TlsContexts {

    private TlsContexts() {
    }

    public static SSLContext forConnection(ClusterConnection c) {
        TrustManager trust;
        if (c.fingerprint() != null && !c.fingerprint().isBlank()) {
            trust = new PinnedTrustManager(c.fingerprint());
        } else if (c.caBundlePem() != null && !c.caBundlePem().isBlank()) {
            trust = caTrust(c.id(), c.caBundlePem());
        } else {
            throw new IllegalStateException("Proxmox cluster '" + c.id() + "' has neither a certificate fingerprint nor a"
                    + " CA bundle: set rigplane.proxmox.fingerprint (SHA-256, AA:BB:…, shown by GET /nodes as"
                    + " ssl_fingerprint) or rigplane.proxmox.ca-bundle. Rigplane never trusts every certificate.");
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for cluster '" + c.id() + "': " + e.getMessage(), e);
        }
    }

    /** The default PKIX trust manager over the bundle's certificates; hostname checks stay on. */
    private static TrustManager caTrust(String id, String bundle) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : certificates(pem(bundle))) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) {
                throw new IllegalStateException("the CA bundle of cluster '" + id + "' holds no certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers()[0];
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the CA bundle of cluster '" + id + "': " + e.getMessage(), e);
        }
    }

    /** The setting holds PEM text or a path to a PEM file. */
    public static String pem(String bundle) throws java.io.IOException {
        return bundle.contains("-----BEGIN") ? bundle : Files.readString(Path.of(bundle.trim()));
    }

    private static Collection<? extends Certificate> certificates(@Nullable String pem) throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem == null ? new byte[0] : pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
