package io.rigplane.proxmox.internal;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code GET /nodes/{node}/tasks}: here {@code status} is absent or {@code RUNNING} while it
 * runs, and the exit status ({@code OK}, or the error text) once it has ended.
 */
public record TaskSummary(String upid, @Nullable String type, @Nullable String id, @Nullable String user,
        @Nullable String status, @Nullable Instant startTime, @Nullable Instant endTime, Map<String, Object> extra) {

    public static TaskSummary from(Fields f) {
        return new TaskSummary(f.string("upid", ""), f.string("type"), f.string("id"), f.string("user"),
                f.string("status"), f.epochSeconds("starttime"), f.epochSeconds("endtime"), f.extra());
    }
}
