package io.rigplane.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of a test's own that it may stop and start again on the same port and data,
 * as an operator restarting the database under a running service does. The shared test database
 * cannot be used for that: CI points every test at one system server.
 */
public final class RestartablePostgres implements AutoCloseable {

    private static final String DATABASE = "rigplane";

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    public static RestartablePostgres start(Path data) throws IOException, SQLException {
        RestartablePostgres postgres = new RestartablePostgres(data, Replica.freePort());
        postgres.startServer();
        try (Connection connection = DriverManager.getConnection(postgres.server.getJdbcUrl("postgres", "postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        return postgres;
    }

    public TestDatabase.Coordinates coordinates() {
        return new TestDatabase.Coordinates("jdbc:postgresql://localhost:" + port + "/" + DATABASE, "postgres", "");
    }

    /** Stops the server the way {@code pg_ctl stop -m fast} does: every connection is cut. */
    public void stop() throws IOException {
        server.close();
        server = null;
    }

    public void restart() throws IOException {
        if (server != null) {
            stop();
        }
        startServer();
    }

    private void startServer() throws IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            stop();
        }
    }
}
