package io.rigplane.power.internal;

import io.rigplane.provisioning.ProfileVms;
import org.springframework.context.annotation.Bean;
import io.rigplane.provisioning.ProfileVms;
import org.springframework.context.annotation.Configuration;

/** Registers the graceful variant of {@link StopHandler} under its own operation kind. */
@Configuration(proxyBeanMethods = false)
class ShutdownHandlerConfiguration {

    @Bean
    StopHandler shutdownHandler(ProfileVms vms, PowerTargets targets, GpuClaims claims) {
        return StopHandler.shutdown(vms, targets, claims);
    }
}
