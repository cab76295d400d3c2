package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.proxmox.ProxmoxException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clusters")
@Tag(name = "Clusters", description = "The Proxmox VE clusters Rigplane manages")
public class ClusterApi {

    private final ProxmoxClusters clusters;

    public ClusterApi(ProxmoxClusters clusters) {
        this.clusters = clusters;
    }

    /** A cluster as the API shows it: never the token secret. */
    public record ClusterView(String id, String url, boolean isDefault, @Nullable Integer nodes, @Nullable String error) {
    }

    public record ClusterList(List<ClusterView> clusters) {
    }

    @GetMapping
    @Operation(summary = "List the configured Proxmox clusters with their node count")
    public ClusterList list() {
        String defaultId = clusters.defaultId().orElse(null);
        return new ClusterList(clusters.ids().stream().map(id -> view(clusters.client(id), id.equals(defaultId))).toList());
    }

    @GetMapping("/{id}/check")
    @Operation(summary = "Test the connection: reachable, certificate, token, permissions")
    public ConnectionCheck check(@PathVariable String id) {
        return clusters.client(id).check();
    }

    private static ClusterView view(ProxmoxClient client, boolean isDefault) {
        try {
            return new ClusterView(client.clusterId(), client.url(), isDefault, client.nodes().size(), null);
        } catch (ProxmoxException e) {
            // one unreachable cluster must not hide the others
            return new ClusterView(client.clusterId(), client.url(), isDefault, null, e.getMessage());
        }
    }
}
