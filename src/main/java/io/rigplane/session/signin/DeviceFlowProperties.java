package io.rigplane.session.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * TV sign-in: how long a code lives, how often the TV may ask, and how many codes one address
 * may ask for per window (the endpoint is anonymous).
 */
@ConfigurationProperties("rigplane.device-authorization")
public record DeviceFlowProperties(@DefaultValue("10m") Duration lifetime, @DefaultValue("5s") Duration interval,
        @DefaultValue("10") int maxRequests, @DefaultValue("1m") Duration requestWindow) {
}
