package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ProxmoxException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** No Proxmox cluster is configured under this id. */
public class UnknownClusterException extends ProxmoxException {

    private final String clusterId;

    public UnknownClusterException(String clusterId) {
        super(HttpStatus.NOT_FOUND, "unknown-cluster", "Unknown cluster", "no Proxmox cluster '" + clusterId + "'");
        this.clusterId = clusterId;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("cluster", clusterId);
    }
}
