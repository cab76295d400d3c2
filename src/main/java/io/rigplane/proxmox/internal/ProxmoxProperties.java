package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ClusterConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rigplane.proxmox.*}: one cluster through the shortcut ({@code url}, {@code token},
 * {@code fingerprint} or {@code ca-bundle}; env {@code RIGPLANE_PROXMOX_URL}, {@code _TOKEN},
 * {@code _FINGERPRINT}), which becomes cluster {@code default}, and/or several under
 * {@code clusters.<id>.*}. The token is {@code USER@REALM!TOKENID=SECRET}; the CA bundle is PEM text or a path.
 */
@ConfigurationProperties("rigplane.proxmox")
public record ProxmoxProperties(@Nullable String url, @Nullable String token, @Nullable String fingerprint,
        @Nullable String caBundle, @Nullable Map<String, Cluster> clusters,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout) {

    static final String DEFAULT_ID = "default";

    public record Cluster(@Nullable String url, @Nullable String token, @Nullable String fingerprint, @Nullable String caBundle) {
    }

    public List<ClusterConnection> connections() {
        Map<String, Cluster> all = new LinkedHashMap<>();
        if (url != null && !url.isBlank()) {
            all.put(DEFAULT_ID, new Cluster(url, token, fingerprint, caBundle));
        }
        if (clusters != null) {
            clusters.forEach((id, c) -> {
                if (all.putIfAbsent(id, c) != null) {
                    throw new IllegalStateException("Proxmox cluster '" + id + "' is configured twice: by"
                            + " rigplane.proxmox.url and by rigplane.proxmox.clusters." + id);
                }
            });
        }
        List<ClusterConnection> out = new ArrayList<>();
        all.forEach((id, c) -> out.add(connection(id, c)));
        return out;
    }

    private static ClusterConnection connection(String id, Cluster c) {
        String prefix = id.equals(DEFAULT_ID) ? "rigplane.proxmox." : "rigplane.proxmox.clusters." + id + ".";
        if (c.url() == null || c.url().isBlank()) {
            throw new IllegalStateException("Proxmox cluster '" + id + "': set " + prefix + "url (https://host:8006)");
        }
        if (c.token() == null || c.token().isBlank()) {
            throw new IllegalStateException("Proxmox cluster '" + id + "': set " + prefix
                    + "token (USER@REALM!TOKENID=SECRET)");
        }
        if (blank(c.fingerprint()) && blank(c.caBundle())) {
            throw new IllegalStateException("Proxmox cluster '" + id + "' has no certificate to trust: set " + prefix
                    + "fingerprint (SHA-256 of the node certificate, AA:BB:…, as GET /nodes shows in ssl_fingerprint)"
                    + " or " + prefix + "ca-bundle (PEM text or file). Rigplane never trusts every certificate.");
        }
        return ClusterConnection.of(id, c.url(), c.token(), blank(c.fingerprint()) ? null : c.fingerprint(),
                blank(c.caBundle()) ? null : c.caBundle());
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    public ClientSettings clientSettings() {
        return ClientSettings.defaults().withReadTimeout(readTimeout).withConnectTimeout(connectTimeout);
    }
}
