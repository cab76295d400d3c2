package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.ConnectionCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The pinned fingerprint and the CA bundle decide whom the client talks to; nothing else does. */
class TlsTrustTest extends ProxmoxTestBase {

    private static final String OTHER_FINGERPRINT = "AB:".repeat(31) + "AB";

    @Test
    void thePinnedFingerprintIsAccepted() {
        assertThat(client.version().version()).isNotBlank();
        // lower case and without colons is the same pin
        String plain = sim.fingerprint().replace(":", "").toLowerCase();
        assertThat(new ProxmoxClient(connection(plain, null), clientSettings()).nodes()).isNotEmpty();
    }

    @Test
    void anotherFingerprintIsRefused() {
        ProxmoxClient wrong = new ProxmoxClient(connection(OTHER_FINGERPRINT, null), clientSettings());
        assertThatThrownBy(wrong::version).isInstanceOf(ProxmoxUnavailableException.class)
                .hasMessageContaining("TLS handshake failed").hasMessageContaining("fingerprint");
        ConnectionCheck check = wrong.check();
        assertThat(check.reachable()).isTrue();
        assertThat(check.certificateMatches()).isFalse();
        assertThat(check.tokenValid()).isFalse();
    }

    @Test
    void aBundleHoldingTheServerCertificateIsTrusted() throws Exception {
        ProxmoxClient byCa = new ProxmoxClient(connection(null, pem(sim.certificate())), clientSettings());
        assertThat(byCa.check().ok()).isTrue();
    }

    @Test
    void aBundleFromAFileWorksToo() throws Exception {
        Path file = Files.createTempFile("pve-ca", ".pem");
        try {
            Files.writeString(file, pem(sim.certificate()));
            assertThat(new ProxmoxClient(connection(null, file.toString()), clientSettings()).nodes()).isNotEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aBundleOfAnotherCaIsRefused() throws Exception {
        ProxmoxClient other = new ProxmoxClient(connection(null, pem(someOtherCa())), clientSettings());
        assertThatThrownBy(other::version).isInstanceOf(ProxmoxUnavailableException.class)
                .hasMessageContaining("TLS handshake failed");
        ConnectionCheck check = other.check();
        assertThat(check.reachable()).isTrue();
        assertThat(check.certificateMatches()).isFalse();
    }

    @Test
    void withNeitherFingerprintNorBundleThereIsNoClient() {
        assertThatThrownBy(() -> new ProxmoxClient(connection(null, null), clientSettings()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never trusts every certificate");
    }

    @Test
    void aMalformedFingerprintIsRefusedAtOnce() {
        assertThatThrownBy(() -> new ProxmoxClient(connection("AB:CD", null), clientSettings()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void theSecretStaysOutOfToString() {
        ClusterConnection c = connection(sim.fingerprint(), null);
        assertThat(c.toString()).doesNotContain(secret()).contains("***");
        assertThat(client.toString()).doesNotContain(secret());
    }

    static String pem(Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** Any public CA from the JDK's trust store: certainly not the simulator's issuer. */
    private static X509Certificate someOtherCa() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
            store.load(in, null);
        }
        return (X509Certificate) store.getCertificate(Collections.list(store.aliases()).get(0));
    }
}
