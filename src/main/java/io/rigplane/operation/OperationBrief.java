package io.rigplane.operation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An operation in one line, without its steps: for lists that show many operations at once. */
public record OperationBrief(UUID id, String kind, String target, OperationState state,
        @Nullable OperationPhase phase, String actor, Instant createdAt, @Nullable Instant finishedAt) {

    public boolean active() {
        return state == OperationState.QUEUED || state == OperationState.RUNNING;
    }

    /** When it last changed as far as a list can tell: its end, or its creation while it is active. */
    public Instant when() {
        return finishedAt != null ? finishedAt : createdAt;
    }
}
