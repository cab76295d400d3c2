package io.rigplane.access.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts stored secrets: {@code RIGPLANE_SECRET_KEY} (base64 of 32 bytes), or,
 * where unset, a key generated once into {@code keyFile}.
 */
@ConfigurationProperties("rigplane.secrets")
public record SecretProperties(@Nullable String key, String keyFile) {
}
