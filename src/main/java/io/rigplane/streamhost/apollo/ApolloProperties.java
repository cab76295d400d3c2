package io.rigplane.streamhost.apollo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rigplane.apollo.*} (RIGPLANE_APOLLO_USERNAME, RIGPLANE_APOLLO_PASSWORD): the stream hosts'
 * admin login for profiles that do not store one of their own.
 */
@ConfigurationProperties("rigplane.apollo")
record ApolloProperties(@Nullable String username, @Nullable String password) {
}
