package io.rigplane.snapshot.policy;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A profile's policies as stored, each with when it runs next. */
public record PolicyView(String profile, List<Entry> policies) {

    public record Entry(String label, String cron, String timeZone, int keep, boolean ramState, RunWhen when,
            boolean enabled, @Nullable Instant nextRun) {
    }
}
