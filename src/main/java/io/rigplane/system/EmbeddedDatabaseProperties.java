package io.rigplane.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data between runs, and its port (0 picks a free one).
 */
@ConfigurationProperties("rigplane.embedded-database")
record EmbeddedDatabaseProperties(String directory, int port) {
}
