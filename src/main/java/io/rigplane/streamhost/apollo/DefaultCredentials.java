package io.rigplane.streamhost.apollo;

import io.rigplane.access.SecretMask;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The login used for profiles without their own: the environment's, or in demo mode (no Proxmox
 * configured, so Rigplane talks to its built-in simulator) the simulated Apollo's admin/admin.
 */
@Component
@EnableConfigurationProperties(ApolloProperties.class)
public class DefaultCredentials {

    static final String FROM_ENVIRONMENT = "environment";
    static final String FROM_DEMO = "demo";

    private final Optional<ApolloCredentials> credentials;
    private final String source;

    DefaultCredentials(ApolloProperties properties, Environment environment) {
        if (hasText(properties.username()) && hasText(properties.password())) {
            SecretMask.register(properties.password());
            credentials = Optional.of(new ApolloCredentials(properties.username(), properties.password()));
            source = FROM_ENVIRONMENT;
        } else if (demoMode(environment)) {
            credentials = Optional.of(new ApolloCredentials("admin", "admin"));
            source = FROM_DEMO;
        } else {
            credentials = Optional.empty();
            source = "none";
        }
    }

    public Optional<ApolloCredentials> get() {
        return credentials;
    }

    /** Where the default login comes from: environment, demo or none. */
    public String source() {
        return source;
    }

    private static boolean demoMode(Environment environment) {
        if (hasText(environment.getProperty("rigplane.proxmox.url"))
                || "false".equals(environment.getProperty("rigplane.simulator.enabled"))) {
            return false;
        }
        return Binder.get(environment).bind("rigplane.proxmox.clusters", Bindable.mapOf(String.class, ClusterUrl.class))
                .map(clusters -> clusters.isEmpty()).orElse(true);
    }

    /** Just enough of a configured cluster to see that there is one. */
    record ClusterUrl(@org.jspecify.annotations.Nullable String url) {
    }

    private static boolean hasText(@org.jspecify.annotations.Nullable String s) {
        return s != null && !s.isBlank();
    }
}
