package io.rigplane.operation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of an operation, with the Proxmox task that carried it out, if any. */
public record OperationStep(int position, String name, StepState state, @Nullable String upid,
        @Nullable String message, Instant startedAt, @Nullable Instant finishedAt) {
}
