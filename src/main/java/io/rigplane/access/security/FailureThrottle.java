package io.rigplane.access.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts authentication failures per key in fixed windows kept in PostgreSQL, so every replica
 * sees the same counts. A key over its limit is blocked until its window ends.
 *
 * <p>Bearer requests are many and mostly good, so they only consult a local copy of the keys this
 * replica has seen go over the limit; the shared count decides, at each failure, whether a key is
 * over. Sign-ins are rare and always ask the database.
 */
@Component
public class FailureThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Instant> blockedHere = new ConcurrentHashMap<>();

    public FailureThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long the key stays blocked, as far as this replica knows, without a database call. */
    public Optional<Duration> blockedLocally(String key) {
        Instant until = blockedHere.get(key);
        Instant now = clock.instant();
        if (until == null) {
            return Optional.empty();
        }
        if (!now.isBefore(until)) {
            blockedHere.remove(key, until);
            return Optional.empty();
        }
        return Optional.of(roundUp(Duration.between(now, until)));
    }

    /** How long the key stays blocked, by the shared count. */
    public Optional<Duration> blocked(String key, ThrottleProperties.Limit limit) {
        List<Optional<Duration>> found = jdbc.query("select failures, window_start from auth_failure where key = ?",
                (row, n) -> retryAfter(row.getInt(1), row.getTimestamp(2).toInstant(), limit), key);
        return found.isEmpty() ? Optional.empty() : found.get(0);
    }

    /** Counts one failure, kept even when the caller's transaction rolls back; answers how long the key is now blocked, if it went over its limit. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Duration> recordFailure(String key, ThrottleProperties.Limit limit) {
        Instant now = clock.instant();
        Timestamp cutoff = Timestamp.from(now.minus(limit.window()));
        // one statement, so concurrent failures on several replicas never lose a count
        return jdbc.queryForObject("""
                insert into auth_failure (key, window_start, failures) values (?, ?, 1)
                on conflict (key) do update set
                  failures = case when auth_failure.window_start <= ? then 1 else auth_failure.failures + 1 end,
                  window_start = case when auth_failure.window_start <= ? then excluded.window_start
                                      else auth_failure.window_start end
                returning failures, window_start""",
                (row, n) -> retryAfter(row.getInt(1), row.getTimestamp(2).toInstant(), limit),
                key, Timestamp.from(now), cutoff, cutoff);
    }

    /** Forgets a key's failures, for example an account's after a good sign-in. */
    public void clear(String key) {
        blockedHere.remove(key);
        jdbc.update("delete from auth_failure where key = ?", key);
    }

    /** Drops windows that ended long ago; safe to run on every replica at once. */
    public int purgeOlderThan(Instant cutoff) {
        blockedHere.values().removeIf(until -> until.isBefore(cutoff));
        return jdbc.update("delete from auth_failure where window_start < ?", Timestamp.from(cutoff));
    }

    private Optional<Duration> retryAfter(int failures, Instant windowStart, ThrottleProperties.Limit limit) {
        Instant until = windowStart.plus(limit.window());
        Instant now = clock.instant();
        if (failures <= limit.maxFailures() || !now.isBefore(until)) {
            return Optional.empty();
        }
        return Optional.of(roundUp(Duration.between(now, until)));
    }

    /** Remembers locally that a key is blocked, so its next bearer requests need no query. */
    public void rememberBlocked(String key, Duration retryAfter) {
        blockedHere.put(key, clock.instant().plus(retryAfter));
    }

    private static Duration roundUp(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
