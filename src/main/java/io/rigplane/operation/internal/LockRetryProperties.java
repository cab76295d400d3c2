package io.rigplane.operation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rigplane.operations.lock-retry.*}: how every operation waits out a VM lock held by someone
 * else (a backup, a snapshot, a busy config file). Pauses double from {@code first-pause} up to
 * {@code max-pause}; after {@code deadline} the step fails with the last reason.
 */
@ConfigurationProperties("rigplane.operations.lock-retry")
public record LockRetryProperties(
        @DefaultValue("10m") Duration deadline,
        @DefaultValue("250ms") Duration firstPause,
        @DefaultValue("5s") Duration maxPause) {
}
