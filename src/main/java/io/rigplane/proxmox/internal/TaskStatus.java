package io.rigplane.proxmox.internal;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /nodes/{node}/tasks/{upid}/status}. Once stopped, {@code exitStatus} is {@code OK},
 * {@code WARNINGS: n} (both success) or the error text. The upid is kept as sent: some servers and
 * fixtures add suffixes to it.
 */
public record TaskStatus(String upid, boolean running, @Nullable String exitStatus, @Nullable String type,
        @Nullable String id, @Nullable String user, @Nullable String node, @Nullable Instant startTime,
        Map<String, Object> extra) {

    public static TaskStatus from(Fields f) {
        String status = f.string("status", "running");
        return new TaskStatus(f.string("upid", ""), status.equals("running"), f.string("exitstatus"), f.string("type"),
                f.string("id"), f.string("user"), f.string("node"), f.epochSeconds("starttime"), f.extra());
    }

    /** Stopped with {@code OK} or {@code WARNINGS: n}. */
    public boolean succeeded() {
        return !running && exitStatus != null && (exitStatus.equals("OK") || exitStatus.startsWith("WARNINGS"));
    }

    /** The n of {@code WARNINGS: n}; 0 otherwise. */
    public int warnings() {
        if (exitStatus == null || !exitStatus.startsWith("WARNINGS")) {
            return 0;
        }
        try {
            return Integer.parseInt(exitStatus.substring(exitStatus.indexOf(':') + 1).trim());
        } catch (RuntimeException e) {
            return 1;
        }
    }
}
