package io.rigplane.access.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an account is locked for one source address: more than {@code maxFailures} wrong
 * passwords within {@code window} lock the pair for {@code firstLock}; each further lock of the
 * same pair lasts twice as long as the one before, up to {@code longestLock}.
 */
@ConfigurationProperties("rigplane.throttle.account")
public record LockoutProperties(@DefaultValue("10") int maxFailures, @DefaultValue("15m") Duration window,
        @DefaultValue("5m") Duration firstLock, @DefaultValue("24h") Duration longestLock) {

    /** How long the n-th lock (1, 2, ...) of a pair lasts. */
    public Duration lockNumber(int n) {
        int doublings = Math.min(Math.max(n - 1, 0), 30);
        Duration grown = firstLock.multipliedBy(1L << doublings);
        return grown.compareTo(longestLock) > 0 ? longestLock : grown;
    }
}
