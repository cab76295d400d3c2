package io.rigplane.proxmox.internal;

import java.time.Duration;

/**
 * Timeouts and retry bounds of a client. Retries back off exponentially with full jitter from
 * {@code firstBackoff} up to {@code maxBackoff}, at most {@code attempts} calls within {@code retryDeadline}.
 */
public record ClientSettings(Duration connectTimeout, Duration readTimeout, int attempts, Duration firstBackoff,
        Duration maxBackoff, Duration retryDeadline) {

    public static ClientSettings defaults() {
        return new ClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 5, Duration.ofMillis(250),
                Duration.ofSeconds(4), Duration.ofSeconds(60));
    }

    public ClientSettings withReadTimeout(Duration v) {
        return new ClientSettings(connectTimeout, v, attempts, firstBackoff, maxBackoff, retryDeadline);
    }

    public ClientSettings withConnectTimeout(Duration v) {
        return new ClientSettings(v, readTimeout, attempts, firstBackoff, maxBackoff, retryDeadline);
    }

    public ClientSettings withRetries(int attempts, Duration first, Duration max, Duration deadline) {
        return new ClientSettings(connectTimeout, readTimeout, attempts, first, max, deadline);
    }
}
