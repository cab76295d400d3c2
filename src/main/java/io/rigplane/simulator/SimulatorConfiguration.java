package io.rigplane.simulator;

import io.rigplane.proxmox.ClusterConnection;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
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

    /** Just enough of a cluster's settings to see that one is configured. */
    record ClusterSettings(@org.jspecify.annotations.Nullable String url) {
    }

    static class NoProxmoxConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("rigplane.proxmox.url");
            if (url != null && !url.isBlank()) {
                return ConditionOutcome.noMatch("rigplane.proxmox.url is set: " + url);
            }
            // clusters configured only under rigplane.proxmox.clusters.<id> are a real setup too
            boolean clusters = Binder.get(context.getEnvironment())
                    .bind("rigplane.proxmox.clusters", Bindable.mapOf(String.class, ClusterSettings.class))
                    .map(m -> !m.isEmpty()).orElse(false);
            return clusters ? ConditionOutcome.noMatch("rigplane.proxmox.clusters.* is set")
                    : ConditionOutcome.match("no Proxmox cluster is configured: demo mode");
        }
    }
}
