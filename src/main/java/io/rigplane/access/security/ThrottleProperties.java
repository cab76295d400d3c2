package io.rigplane.access.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins or bad tokens are tolerated per source address. Failures per account
 * (password sign-ins only; a bad token names no account) are {@link LockoutProperties}.
 */
@ConfigurationProperties("rigplane.throttle")
public record ThrottleProperties(@DefaultValue Limit source) {

    /** More than {@code maxFailures} within {@code window} blocks the key until the window ends. */
    public record Limit(@DefaultValue("20") int maxFailures, @DefaultValue("1m") Duration window) {
    }
}
