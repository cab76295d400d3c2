package io.rigplane.snapshot.run;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One run, scheduled or manual: the snapshot it takes, how it ended and why, what it pruned.
 * States: QUEUED, RUNNING, then SUCCEEDED, PARTIAL (taken, but pruning failed), SKIPPED or FAILED.
 */
public record SnapshotRun(
        UUID id,
        @Schema(example = "gaming-pc") String profile,
        @Schema(example = "daily") @Nullable String label,
        @Schema(example = "SCHEDULED") String trigger,
        @Nullable Instant scheduledFor,
        @Schema(example = "auto-daily-202611260300") String snapshotName,
        boolean ramState,
        @Schema(example = "SUCCEEDED") String state,
        @Nullable String reason,
        List<String> pruned,
        @Nullable UUID operationId,
        int attempts,
        String actor,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs) {

    boolean scheduled() {
        return trigger.equals("SCHEDULED");
    }

    boolean finished() {
        return !state.equals("QUEUED") && !state.equals("RUNNING");
    }

    /** One page of runs, newest first. */
    public record Page(List<SnapshotRun> items, int page, int size, long totalItems) {
    }
}
