package io.rigplane.simulator;

import io.rigplane.proxmox.ClusterConnection;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo mode: with no real Proxmox VE configured ({@code rigplane.proxmox.url} unset), Rigplane starts
 * its own simulator on 127.0.0.1 and stops it with the application context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "rigplane.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
@Conditional(SimulatorConfiguration.NoProxmoxConfigured.class)
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {
    private static final System.Logger LOG = System.getLogger(SimulatorConfiguration.class.getName());

    @Bean(destroyMethod = "close")
    ProxmoxSimulator proxmoxSimulator(SimulatorProperties properties) {
        return ProxmoxSimulator.start(properties.toSettings());
    }

    @Bean
    RunningSimulator runningSimulator(ProxmoxSimulator simulator, SimulatorProperties properties) {
        RunningSimulator running = new RunningSimulator(simulator.url(), simulator.fingerprint(), properties.token());
        LOG.log(System.Logger.Level.INFO, "demo mode: connect with rigplane.proxmox.url=" + running.url()
                + " rigplane.proxmox.fingerprint=" + running.fingerprint() + " and the token set in rigplane.simulator.token");
        return running;
    }

    /** Lets the Proxmox client reach the demo simulator with zero configuration, as cluster {@code default}. */
    @Bean
    ClusterConnection simulatorClusterConnection(RunningSimulator running) {
        return ClusterConnection.of("default", running.url(), running.token(), running.fingerprint(), null);
    }

    static class NoProxmoxConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("rigplane.proxmox.url");
            return url == null || url.isBlank()
                    ? ConditionOutcome.match("rigplane.proxmox.url is not set: demo mode")
                    : ConditionOutcome.noMatch("rigplane.proxmox.url is set: " + url);
        }
    }
}
