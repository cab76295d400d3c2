package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ClusterVm;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Any entry of {@code GET /cluster/resources} (VMs, nodes, storages, pools, SDN) with every field in
 * {@code values}; VMs are better read as {@link ClusterVm}.
 */
public record ClusterResource(String id, String type, @Nullable String node, @Nullable String status,
        Map<String, Object> values) {

    public static ClusterResource from(Fields f) {
        Map<String, Object> values = f.extra();
        return new ClusterResource(str(values.get("id")), str(values.get("type")), opt(values.get("node")),
                opt(values.get("status")), values);
    }

    private static String str(@Nullable Object o) {
        return o == null ? "" : o.toString();
    }

    private static @Nullable String opt(@Nullable Object o) {
        return o == null ? null : o.toString();
    }
}
