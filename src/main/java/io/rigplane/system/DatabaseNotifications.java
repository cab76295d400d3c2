package io.rigplane.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's {@code LISTEN/NOTIFY}, the one way for a replica to hear at once what another one
 * (or a trigger) changed. One connection of its own, outside the pool, listens on the channel of
 * every {@link Listener} bean; a thread waits on it and hands each notification to its listener.
 *
 * <p>Notifications sent while the connection is down are lost, so listeners are told when it
 * goes ({@code listening(false)}) and when it is back ({@code listening(true)}): whatever they
 * kept on the strength of notifications is to be thrown away both times.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    /** Something that wants the notifications of one channel. */
    public interface Listener {

        /** The channel: a plain identifier, lower case. */
        String channel();

        void notified(String payload);

        /** The connection came up (true) or went down (false); notifications may have been missed. */
        void listening(boolean listening);
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** A connection that went silent (a half-open socket) is noticed by a query this often. */
    private static final Duration PROBE = Duration.ofSeconds(5);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

    private final ObjectProvider<JdbcConnectionDetails> database;
    private final ObjectProvider<Listener> listenerBeans;
    private volatile @Nullable Thread thread;
    private volatile boolean running;
    private volatile @Nullable Connection connection;

    DatabaseNotifications(ObjectProvider<JdbcConnectionDetails> database, ObjectProvider<Listener> listenerBeans) {
        this.database = database;
        this.listenerBeans = listenerBeans;
    }

    @Override
    public synchronized void start() {
        List<Listener> listeners = listenerBeans.orderedStream().toList();
        if (running || listeners.isEmpty()) {
            return;
        }
        running = true;
        Thread listening = new Thread(() -> listen(listeners), "db-notifications");
        listening.setDaemon(true);
        listening.start();
        thread = listening;
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread listening = thread;
        thread = null;
        if (listening != null) {
            listening.interrupt();
            closeQuietly(connection);
            try {
                listening.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen(List<Listener> listeners) {
        long backOff = 100;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    for (String channel : listeners.stream().map(Listener::channel).distinct().toList()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                tell(listeners, true);
                backOff = 100;
                receive(listening, listeners);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for database notifications failed, trying again: {}", e.toString());
                }
            } finally {
                connection = null;
                tell(listeners, false);
            }
            if (running) {
                try {
                    Thread.sleep(backOff);
                } catch (InterruptedException e) {
                    return;
                }
                backOff = Math.min(backOff * 2, MAX_BACK_OFF.toMillis());
            }
        }
    }

    private void receive(Connection listening, List<Listener> listeners) throws SQLException {
        PGConnection postgres = listening.unwrap(PGConnection.class);
        long probeDue = System.nanoTime() + PROBE.toNanos();
        while (running) {
            PGNotification[] received = postgres.getNotifications((int) POLL.toMillis());
            if (received != null) {
                for (PGNotification notification : received) {
                    deliver(listeners, notification);
                }
            }
            if (System.nanoTime() - probeDue > 0) {
                try (Statement probe = listening.createStatement()) {
                    probe.execute("select 1");
                }
                probeDue = System.nanoTime() + PROBE.toNanos();
            }
        }
    }

    private static void deliver(List<Listener> listeners, PGNotification notification) {
        for (Listener listener : listeners) {
            if (listener.channel().equals(notification.getName())) {
                try {
                    listener.notified(notification.getParameter());
                } catch (RuntimeException e) {
                    log.error("A listener of {} failed on '{}'", notification.getName(), notification.getParameter(), e);
                }
            }
        }
    }

    private static void tell(List<Listener> listeners, boolean listening) {
        for (Listener listener : listeners) {
            try {
                listener.listening(listening);
            } catch (RuntimeException e) {
                log.error("A listener of {} failed", listener.channel(), e);
            }
        }
    }

    private Connection connect() throws SQLException {
        JdbcConnectionDetails details = database.getObject();
        Properties properties = new Properties();
        if (details.getUsername() != null) {
            properties.setProperty("user", details.getUsername());
        }
        if (details.getPassword() != null) {
            properties.setProperty("password", details.getPassword());
        }
        // a server that stops answering must not hold this thread: the probe then fails within seconds
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "rigplane-notifications");
        Connection opened = DriverManager.getConnection(details.getJdbcUrl(), properties);
        opened.setAutoCommit(true);
        return opened;
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing only to wake the listening thread
            }
        }
    }
}
