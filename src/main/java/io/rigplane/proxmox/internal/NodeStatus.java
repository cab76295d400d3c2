package io.rigplane.proxmox.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /nodes/{node}/status}. The nested {@code memory}, {@code cpuinfo}, {@code rootfs}, … objects
 * stay whole in {@code extra}; the figures Rigplane uses are lifted out.
 */
public record NodeStatus(String node, double cpu, long uptime, int cpus, long memoryTotal, long memoryUsed,
        @Nullable String pveversion, @Nullable String kversion, Map<String, Object> extra) {

    public static NodeStatus from(String node, Fields f) {
        JsonNode memory = f.peek("memory");
        JsonNode cpuinfo = f.peek("cpuinfo");
        Double cpu = f.decimal("cpu");
        return new NodeStatus(node, cpu == null ? 0 : cpu, f.longValue("uptime", 0),
                cpuinfo == null ? 0 : orZero(Fields.asLong(cpuinfo.get("cpus"))).intValue(),
                memory == null ? 0 : orZero(Fields.asLong(memory.get("total"))),
                memory == null ? 0 : orZero(Fields.asLong(memory.get("used"))),
                f.string("pveversion"), f.string("kversion"), f.extra());
    }

    private static Long orZero(@Nullable Long v) {
        return v == null ? 0L : v;
    }
}
