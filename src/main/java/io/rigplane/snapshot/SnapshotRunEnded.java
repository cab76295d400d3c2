package io.rigplane.snapshot;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot run ended: SUCCEEDED, PARTIAL (taken, but pruning failed), SKIPPED or FAILED, with
 * how many old snapshots it pruned.
 */
public record SnapshotRunEnded(UUID run, String profile, @Nullable String label, String state,
        @Nullable String reason, int pruned) {
}
