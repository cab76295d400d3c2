package io.rigplane.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A target as the API and the dashboard show it: never its secret, only whether it has one.
 * {@code state} is ACTIVE or PAUSED; {@code pending} counts deliveries still queued.
 */
record TargetView(long id, String name, String kind, String url, boolean hasSecret, List<String> events,
        @Nullable Integer priority, List<String> tags, String state, @Nullable Instant pausedAt,
        @Nullable String pauseReason, int consecutiveFailures, long pending, Instant createdAt, Instant updatedAt) {

    public boolean paused() {
        return pausedAt != null;
    }
}
