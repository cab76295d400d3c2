package io.rigplane.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rigplane.notifications.*}: how often each replica looks for due deliveries, the back-off
 * after a failed attempt (doubling from {@code retry-backoff} up to {@code max-backoff}), after how
 * many failures in a row a target is paused, how long one request may take, after how many snapshot
 * runs in a row that pruned nothing {@code snapshot.pruned_nothing} is sent, and how long the same
 * {@code gpu.busy} stays quiet.
 */
@ConfigurationProperties("rigplane.notifications")
record NotificationProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration retryBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("8") int pauseAfter,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("3") int prunedNothingRuns,
        @DefaultValue("30m") Duration repeatQuiet,
        @DefaultValue("20") int batch) {

    /** The pause before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration pause = retryBackoff.multipliedBy(factor);
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }
}
