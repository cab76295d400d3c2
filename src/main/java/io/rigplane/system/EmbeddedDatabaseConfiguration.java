package io.rigplane.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server from the Maven dependency when no database is configured,
 * so that {@code ./mvnw spring-boot:run} works on a machine with nothing but Java.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "embedded")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        File directory = new File(properties.directory()).getAbsoluteFile();
        boolean initialized = new File(directory, "PG_VERSION").exists();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                // sized for one Rigplane (a pool of 10 and a listener) on a small box: the library's
                // 300 connections and PostgreSQL's 128 MB of buffers doubled the idle server's memory
                // (28 MiB proportional set idle, 13 MiB with these)
                .setServerConfig("max_connections", "50")
                .setServerConfig("shared_buffers", "32MB")
                .start();
        log.info("Embedded PostgreSQL on port {} with {} data in {}", postgres.getPort(),
                initialized ? "existing" : "new", directory);
        return postgres;
    }

    @Bean
    JdbcConnectionDetails embeddedConnectionDetails(EmbeddedPostgres postgres) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return postgres.getJdbcUrl("postgres", "postgres");
            }
        };
    }
}
