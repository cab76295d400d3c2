package io.rigplane.streamhost.settings;

import org.jspecify.annotations.Nullable;

/**
 * A profile's stream-host settings as the API shows them: never the password, only whether one is
 * stored. {@code credentials} says which login Rigplane uses: the profile's own ({@code profile}),
 * the environment's ({@code environment}), the demo simulator's ({@code demo}) or none ({@code none}).
 */
public record StreamHostSettings(String kind, String app, int httpPort, @Nullable String username,
        boolean passwordSet, String credentials) {
}
