package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.Fields;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A VM as listed by {@code GET /cluster/resources?type=vm} or {@code GET /nodes/{node}/qemu}. The
 * cluster-wide list lags behind; {@link ProxmoxClient#status} is authoritative for the power state.
 */
public record ClusterVm(int vmid, String node, @Nullable String name, String status, List<String> tags,
        boolean template, Map<String, Object> extra) {

    static ClusterVm from(Fields f, @Nullable String knownNode) {
        String node = f.string("node");
        return new ClusterVm((int) f.longValue("vmid", -1), node != null ? node : knownNode == null ? "" : knownNode,
                f.string("name"), f.string("status", "unknown"), f.tags("tags"), f.bool("template"), f.extra());
    }
}
