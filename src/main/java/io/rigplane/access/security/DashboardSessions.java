package io.rigplane.access.security;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The signed-in dashboard sessions of every replica, kept in PostgreSQL by the SHA-256 of their
 * id (the id itself is a credential). A session without its row is not signed in any more: that
 * is how a password change ends a user's other sessions on every replica, and counts them.
 */
@Component
public class DashboardSessions implements HttpSessionListener {

    /** A session's last use is written at most this often, so a busy page costs no write per request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration timeout;

    public DashboardSessions(JdbcTemplate jdbc, Clock clock,
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A sign-in: the session (with its new id) now belongs to the user. */
    public void signedIn(String sessionId, String username) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into dashboard_session (id_hash, username, signed_in_at, last_seen_at) values (?, ?, ?, ?)
                on conflict (id_hash) do update set username = excluded.username,
                  signed_in_at = excluded.signed_in_at, last_seen_at = excluded.last_seen_at""",
                hash(sessionId), username, now, now);
    }

    /** Whether the session is still signed in as this user; notes its use now and then. */
    public boolean isSignedIn(String sessionId, String username) {
        String id = hash(sessionId);
        List<Instant> seen = jdbc.query("select last_seen_at from dashboard_session where id_hash = ? and username = ?",
                (row, n) -> row.getTimestamp(1).toInstant(), id, username);
        if (seen.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        if (seen.get(0).isBefore(now.minus(TOUCH_EVERY))) {
            jdbc.update("update dashboard_session set last_seen_at = ? where id_hash = ?", Timestamp.from(now), id);
        }
        return true;
    }

    /**
     * Ends every dashboard session of the user but the one kept (the one that changed the password,
     * if it was a dashboard session); answers how many live sessions were ended.
     */
    public int endAllBut(String username, @Nullable String keptSessionId) {
        Timestamp alive = Timestamp.from(clock.instant().minus(timeout));
        String kept = keptSessionId == null ? "" : hash(keptSessionId);
        List<Instant> ended = jdbc.query("delete from dashboard_session where username = ? and id_hash <> ? "
                + "returning last_seen_at", (row, n) -> row.getTimestamp(1).toInstant(), username, kept);
        return (int) ended.stream().filter(seen -> seen.isAfter(alive.toInstant())).count();
    }

    /** How many live dashboard sessions the user has. */
    public int count(String username) {
        Integer live = jdbc.queryForObject("select count(*) from dashboard_session where username = ? "
                + "and last_seen_at > ?", Integer.class, username, Timestamp.from(clock.instant().minus(timeout)));
        return live == null ? 0 : live;
    }

    /** Tomcat ended a session (sign-out, timeout): its row goes too. */
    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        jdbc.update("delete from dashboard_session where id_hash = ?", hash(event.getSession().getId()));
    }

    /** Drops the rows of sessions that timed out on a replica that stopped before it could say so. */
    public int purgeUnusedSince(Instant cutoff) {
        return jdbc.update("delete from dashboard_session where last_seen_at < ?", Timestamp.from(cutoff));
    }

    public Duration timeout() {
        return timeout;
    }

    private static String hash(String sessionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
