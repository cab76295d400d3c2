package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.ClientSettings;
import io.rigplane.proxmox.internal.ClusterRequiredException;
import io.rigplane.proxmox.internal.ProxmoxProperties;
import io.rigplane.proxmox.internal.UnknownClusterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every configured Proxmox cluster and its client: those of {@code rigplane.proxmox.*} and any
 * {@link ClusterConnection} bean (the demo simulator publishes one). Built at start-up, so a cluster
 * without a certificate to trust stops the application with a clear message.
 */
@Component
@EnableConfigurationProperties(ProxmoxProperties.class)
public class ProxmoxClusters {

    private static final Logger log = LoggerFactory.getLogger(ProxmoxClusters.class);

    private final Map<String, ProxmoxClient> clients = new LinkedHashMap<>();

    ProxmoxClusters(ProxmoxProperties properties, ObjectProvider<ClusterConnection> beans) {
        ClientSettings settings = properties.clientSettings();
        for (ClusterConnection c : properties.connections()) {
            add(c, settings);
        }
        beans.orderedStream().forEach(c -> add(c, settings));
    }

    private void add(ClusterConnection connection, ClientSettings settings) {
        if (clients.containsKey(connection.id())) {
            throw new IllegalStateException("Proxmox cluster '" + connection.id() + "' is configured twice");
        }
        if (connection.fingerprint() == null && connection.caBundlePem() == null) {
            throw new IllegalStateException("Proxmox cluster '" + connection.id() + "' has neither a fingerprint nor a CA"
                    + " bundle; Rigplane never trusts every certificate");
        }
        clients.put(connection.id(), new ProxmoxClient(connection, settings));
        log.info("Proxmox cluster '{}' at {} (token {}, trust: {})", connection.id(), connection.url(),
                connection.tokenId(), connection.fingerprint() != null ? "pinned fingerprint" : "CA bundle");
    }

    /** The client of one cluster; {@link UnknownClusterException} (404) when none has this id. */
    public ProxmoxClient client(String clusterId) {
        ProxmoxClient client = clients.get(clusterId);
        if (client == null) {
            throw new UnknownClusterException(clusterId);
        }
        return client;
    }

    /** The only cluster's client; {@link ClusterRequiredException} (400) when there are several or none. */
    public ProxmoxClient defaultClient() {
        return defaultId().map(this::client).orElseThrow(() -> new ClusterRequiredException(ids()));
    }

    /** Resolves an optional cluster id the way the API does: absent means the only cluster. */
    public ProxmoxClient clientOrDefault(@org.jspecify.annotations.Nullable String clusterId) {
        return clusterId == null || clusterId.isBlank() ? defaultClient() : client(clusterId);
    }

    public List<String> ids() {
        return List.copyOf(clients.keySet());
    }

    /** Present when exactly one cluster is configured. */
    public Optional<String> defaultId() {
        return clients.size() == 1 ? Optional.of(clients.keySet().iterator().next()) : Optional.empty();
    }
}
