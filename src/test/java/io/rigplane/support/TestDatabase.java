package io.rigplane.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for this test JVM: in a Testcontainers container where Docker
 * runs, otherwise on the server named by TEST_DATABASE_URL, otherwise on an embedded server.
 * The database is dropped when the JVM exits.
 */
public final class TestDatabase {

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");
    private static Coordinates coordinates;

    public record Coordinates(String url, String username, String password) {
    }

    private TestDatabase() {
    }

    public static synchronized Coordinates get() {
        if (coordinates == null) {
            coordinates = create();
        }
        return coordinates;
    }

    /** Another fresh database, for a test that runs its own replicas of the service. */
    public static synchronized Coordinates another() {
        get();
        return create();
    }

    private static String server;
    private static boolean embedded;

    private static Coordinates create() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Coordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        String username = envOr("TEST_DATABASE_USER", "postgres");
        String password = envOr("TEST_DATABASE_PASSWORD", "");
        if (server == null) {
            String configured = System.getenv("TEST_DATABASE_URL");
            embedded = configured == null || configured.isBlank();
            server = embedded ? startEmbedded() : configured;
        }
        String database = "test_" + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        execute(server, username, password, "CREATE DATABASE " + database);
        // an embedded server goes with the JVM, and shutdown hooks run in no order: drop only on a shared one
        if (!embedded) {
            String admin = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() ->
                    execute(admin, username, password, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)")));
        }
        return new Coordinates(withDatabase(server, database), username, password);
    }

    private static boolean dockerAvailable() {
        if ("false".equals(System.getenv("TEST_USE_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (java.io.IOException ignored) {
                    // the JVM is exiting; the server's temporary folder goes with it
                }
            }));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    static String withDatabase(String url, String database) {
        Matcher matcher = JDBC_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    private static void execute(String url, String username, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url, e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
