package io.rigplane.access;

import io.rigplane.access.security.SecretKeySource;
import io.rigplane.access.security.SecretProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final SecretBox box = new SecretBox(new SecretKeySource(new SecretProperties(KEY, "unused")));

    @Test
    void sealsAndOpensWithAFreshNonceEachTime() {
        String sealed = box.seal("proxmox-secret-value", "proxmox:pve1");

        assertThat(sealed).startsWith("v1:").doesNotContain("proxmox-secret-value");
        assertThat(box.seal("proxmox-secret-value", "proxmox:pve1")).isNotEqualTo(sealed);
        assertThat(box.open(sealed, "proxmox:pve1")).isEqualTo("proxmox-secret-value");
    }

    @Test
    void aChangedValueAnotherPurposeOrAnotherKeyIsRefusedWithoutDetail() {
        String sealed = box.seal("apollo-password-1", "apollo:gaming-pc");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        SecretBox otherKey = new SecretBox(new SecretKeySource(new SecretProperties(
                Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes()), "unused")));

        assertThatThrownBy(() -> box.open(tampered, "apollo:gaming-pc")).isInstanceOf(
                SecretBox.SecretUnreadableException.class).hasMessageNotContaining("apollo-password-1");
        assertThatThrownBy(() -> box.open(sealed, "apollo:other")).isInstanceOf(
                SecretBox.SecretUnreadableException.class);
        assertThatThrownBy(() -> otherKey.open(sealed, "apollo:gaming-pc")).isInstanceOf(
                SecretBox.SecretUnreadableException.class);
        assertThatThrownBy(() -> box.open("plain text", "apollo:gaming-pc")).isInstanceOf(
                SecretBox.SecretUnreadableException.class);
    }

    @Test
    void aMalformedKeyStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> new SecretKeySource(new SecretProperties("c2hvcnQ=", "unused")))
                .hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> new SecretKeySource(new SecretProperties("not base64!", "unused")))
                .hasMessageContaining("base64");
    }

    @Test
    void withoutAKeyOneIsGeneratedOnceIntoTheKeyFileReadableByItsOwnerOnly(@TempDir Path data) throws Exception {
        Path file = data.resolve("secret.key");
        SecretBox first = new SecretBox(new SecretKeySource(new SecretProperties(null, file.toString())));
        String sealed = first.seal("kept across restarts", "test");

        SecretBox afterRestart = new SecretBox(new SecretKeySource(new SecretProperties(null, file.toString())));

        assertThat(afterRestart.open(sealed, "test")).isEqualTo("kept across restarts");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
