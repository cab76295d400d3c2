package io.rigplane.snapshot.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What each policy's next run would take and prune if it ran against the VM as it is now. */
public record DryRun(String profile, List<Entry> policies) {

    public record Entry(String label, @Nullable Instant nextRun, @Nullable String wouldTake, List<String> wouldPrune,
            @Nullable String wouldSkip) {
    }
}
