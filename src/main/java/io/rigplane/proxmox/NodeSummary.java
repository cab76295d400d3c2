package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.Fields;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One entry of {@code GET /nodes}; an offline node has only its name and status. */
public record NodeSummary(String node, String status, double cpu, int maxcpu, long mem, long maxmem, long uptime,
        @Nullable String sslFingerprint, Map<String, Object> extra) {

    static NodeSummary from(Fields f) {
        String node = f.string("node", "");
        String status = f.string("status", "unknown");
        Double cpu = f.decimal("cpu");
        return new NodeSummary(node, status, cpu == null ? 0 : cpu, (int) f.longValue("maxcpu", 0), f.longValue("mem", 0),
                f.longValue("maxmem", 0), f.longValue("uptime", 0), f.string("ssl_fingerprint"), f.extra());
    }

    public boolean online() {
        return status.equals("online");
    }
}
