package io.rigplane.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a target may ask for, by the names the API uses. */
enum EventType {
    OPERATION_FAILED("operation.failed", "An operation failed"),
    DRIFT_FOUND("drift.found", "A VM was changed outside Rigplane"),
    SNAPSHOT_FAILED("snapshot.failed", "A snapshot run failed"),
    SNAPSHOT_PRUNED_NOTHING("snapshot.pruned_nothing", "Snapshot runs in a row could not prune old snapshots"),
    SESSION_FAILED("session.failed", "A stream session failed"),
    GPU_BUSY("gpu.busy", "A GPU was wanted while another VM held it"),
    NODE_WAKE_FAILED("node.wake_failed", "A node did not wake"),
    WORK_TAKEN_OVER("work.taken_over", "A replica took over the work of another"),
    /** Sent by POST /targets/{id}/test only; no target subscribes to it. */
    TEST("test", "A test notification");

    private final String wire;
    private final String description;

    EventType(String wire, String description) {
        this.wire = wire;
        this.description = description;
    }

    String wire() {
        return wire;
    }

    String description() {
        return description;
    }

    static Optional<EventType> of(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
    }

    /** The names a target may subscribe to. */
    static List<String> subscribable() {
        return Arrays.stream(values()).filter(type -> type != TEST).map(EventType::wire).toList();
    }
}
