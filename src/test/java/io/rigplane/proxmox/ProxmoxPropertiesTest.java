package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.ProxmoxProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ProxmoxPropertiesTest {

    private static final String FP = "AB:".repeat(31) + "AB";

    private static ProxmoxProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("rigplane.proxmox", ProxmoxProperties.class);
    }

    @Test
    void theShortcutIsClusterDefaultAndOthersKeepTheirIds() {
        List<ClusterConnection> all = bind(Map.of(
                "rigplane.proxmox.url", "https://pve1:8006/api2/json",
                "rigplane.proxmox.token", "rigplane@pve!ops=s3cr3t-value",
                "rigplane.proxmox.fingerprint", FP,
                "rigplane.proxmox.clusters.lab.url", "https://lab:8006",
                "rigplane.proxmox.clusters.lab.token", "root@pam!lab=other-secret",
                "rigplane.proxmox.clusters.lab.ca-bundle", "/etc/pve/pve-root-ca.pem")).connections();
        assertThat(all).extracting(ClusterConnection::id).containsExactly("default", "lab");
        ClusterConnection first = all.get(0);
        assertThat(first.url()).isEqualTo("https://pve1:8006");
        assertThat(first.tokenId()).isEqualTo("rigplane@pve!ops");
        assertThat(first.tokenSecret()).isEqualTo("s3cr3t-value");
        assertThat(all.get(1).caBundlePem()).isEqualTo("/etc/pve/pve-root-ca.pem");
        assertThat(all.get(1).fingerprint()).isNull();
    }

    @Test
    void noClusterWithoutSettings() {
        assertThat(bind(Map.of()).connections()).isEmpty();
    }

    @Test
    void aClusterWithoutTrustFailsWithAClearMessage() {
        ProxmoxProperties p = bind(Map.of("rigplane.proxmox.url", "https://pve1:8006",
                "rigplane.proxmox.token", "rigplane@pve!ops=s3cr3t-value"));
        assertThatThrownBy(p::connections).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rigplane.proxmox.fingerprint").hasMessageContaining("never trusts")
                .message().doesNotContain("s3cr3t-value");
    }

    @Test
    void aMalformedTokenNeverEchoesIt() {
        ProxmoxProperties p = bind(Map.of("rigplane.proxmox.url", "https://pve1:8006",
                "rigplane.proxmox.token", "just-a-secret", "rigplane.proxmox.fingerprint", FP));
        assertThatThrownBy(p::connections).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USER@REALM!TOKENID=SECRET").message().doesNotContain("just-a-secret");
    }
}
