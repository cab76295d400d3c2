package io.rigplane.access.user;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin's API token and password ({@code RIGPLANE_ADMIN_TOKEN},
 * {@code RIGPLANE_ADMIN_PASSWORD}); generated on first start where unset.
 */
@ConfigurationProperties("rigplane.admin")
public record AdminBootstrapProperties(@Nullable String token, @Nullable String password) {
}
