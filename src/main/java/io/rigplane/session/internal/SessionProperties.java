package io.rigplane.session.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rigplane.sessions.*}: how often sessions are watched for idleness, how many sessions one
 * replica drives towards READY at once, how long an idle driver thread lives on, and how long a
 * replica's lease on driving one lasts.
 */
@ConfigurationProperties("rigplane.sessions")
record SessionProperties(@Nullable Duration monitorInterval, @Nullable Integer driverThreads,
        @Nullable Duration driverIdle, @Nullable Duration driverLease) {

    SessionProperties {
        monitorInterval = monitorInterval == null ? Duration.ofSeconds(5) : monitorInterval;
        driverThreads = driverThreads == null ? 32 : driverThreads;
        driverIdle = driverIdle == null ? Duration.ofSeconds(60) : driverIdle;
        driverLease = driverLease == null ? Duration.ofSeconds(30) : driverLease;
    }
}
