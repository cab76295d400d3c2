package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ProxmoxException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Several clusters are configured (or none), so the request must name one. */
public class ClusterRequiredException extends ProxmoxException {

    private final List<String> clusters;

    public ClusterRequiredException(List<String> clusters) {
        super(HttpStatus.BAD_REQUEST, "cluster-required", "Cluster required",
                clusters.isEmpty() ? "no Proxmox cluster is configured"
                        : "several Proxmox clusters are configured; name one of " + clusters);
        this.clusters = List.copyOf(clusters);
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("clusters", clusters);
    }
}
