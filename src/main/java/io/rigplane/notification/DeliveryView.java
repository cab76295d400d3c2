package io.rigplane.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the delivery log: which event went (or is going) to which target, how it ended
 * (PENDING, SENDING for a test on its way, DELIVERED, FAILED), after how many attempts, the last HTTP
 * status and error.
 */
record DeliveryView(long id, long targetId, String targetName, String event, String title, String status,
        int attempts, @Nullable Integer responseCode, @Nullable String error, Instant createdAt,
        @Nullable Instant lastAttemptAt, @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt) {

    /** One page of the log, newest first. */
    record Page(java.util.List<DeliveryView> items, int page, int size, long total) {
    }
}
