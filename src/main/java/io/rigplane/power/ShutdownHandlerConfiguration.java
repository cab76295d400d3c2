package io.rigplane.power;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the graceful variant of {@link StopHandler} under its own operation kind. */
@Configuration(proxyBeanMethods = false)
class ShutdownHandlerConfiguration {

    @Bean
    StopHandler shutdownHandler(PowerTargets targets, GpuClaims claims) {
        return StopHandler.shutdown(targets, claims);
    }
}
