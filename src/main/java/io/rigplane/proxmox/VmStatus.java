package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.Fields;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET …/status/current}: {@code status} is {@code running} or {@code stopped}; {@code qmpstatus}
 * tells a paused VM apart; {@code lock} names a lock held on the VM.
 */
public record VmStatus(int vmid, String status, @Nullable String qmpstatus, @Nullable String lock, long uptime,
        @Nullable String name, @Nullable Long pid, boolean agent, Map<String, Object> extra) {

    static VmStatus from(int vmid, Fields f) {
        Long id = f.longValue("vmid");
        return new VmStatus(id == null ? vmid : id.intValue(), f.string("status", "unknown"), f.string("qmpstatus"),
                f.string("lock"), f.longValue("uptime", 0), f.string("name"), f.longValue("pid"), f.bool("agent"),
                f.extra());
    }

    public boolean running() {
        return status.equals("running");
    }
}
