package io.rigplane.operation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rigplane.operations.wait.*}: how operations that yield while they wait are carried on. Each
 * replica's poller looks at what they wait for on {@code poller-threads} threads (looks are single
 * reads, never sleeps); an operation whose replica died or whose look was lost fires again after
 * {@code recheck} at the latest, on any replica.
 */
@ConfigurationProperties("rigplane.operations.wait")
public record WaitProperties(
        @DefaultValue("5s") Duration recheck,
        @DefaultValue("2") int pollerThreads) {
}
