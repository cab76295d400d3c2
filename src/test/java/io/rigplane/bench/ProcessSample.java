package io.rigplane.bench;

import io.rigplane.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the service's process holds at one moment: resident memory (VmRSS), its peak (VmHWM),
 * live threads (all of the JVM's, from /proc) and the PostgreSQL connections open to its database.
 */
record ProcessSample(long rssKiB, long peakRssKiB, int threads, int connections) {

    static ProcessSample of(long pid, Connection database) throws IOException, SQLException {
        long rss = 0;
        long hwm = 0;
        int threads = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            String[] field = line.split(":\\s+", 2);
            switch (field[0]) {
                case "VmRSS" -> rss = Long.parseLong(field[1].replace(" kB", "").strip());
                case "VmHWM" -> hwm = Long.parseLong(field[1].replace(" kB", "").strip());
                case "Threads" -> threads = Integer.parseInt(field[1].strip());
                default -> {
                }
            }
        }
        return new ProcessSample(rss, hwm, threads, connections(database));
    }

    /**
     * One connection kept open for all samples: a connection opened per sample would itself linger
     * in pg_stat_activity for a moment after closing and be counted as the service's.
     */
    static Connection watch(TestDatabase.Coordinates database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    /** Backends connected to the service's database, not counting the one asking. */
    static synchronized int connections(Connection database) throws SQLException {
        try (PreparedStatement query = database.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    ProcessSample max(ProcessSample other) {
        return new ProcessSample(Math.max(rssKiB, other.rssKiB), Math.max(peakRssKiB, other.peakRssKiB),
                Math.max(threads, other.threads), Math.max(connections, other.connections));
    }

    long rssMiB() {
        return rssKiB / 1024;
    }

    long peakRssMiB() {
        return peakRssKiB / 1024;
    }
}
