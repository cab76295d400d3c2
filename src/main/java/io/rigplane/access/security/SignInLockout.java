package io.rigplane.access.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wrong passwords counted per account <em>and</em> source address, in PostgreSQL so every replica
 * sees the same counts. A pair over its limit is locked, each time twice as long as the time
 * before. Locking per pair means a guesser elsewhere never locks the owner out; the growing locks
 * make each guessing address slower and slower.
 */
@Component
public class SignInLockout {

    static final int MAX_NAME = 64;

    /** A pair that has just been locked: how long, and which lock of the pair it is. */
    public record Lock(Duration duration, int number, int failures) {
    }

    private final JdbcTemplate jdbc;
    private final LockoutProperties limits;
    private final Clock clock;

    public SignInLockout(JdbcTemplate jdbc, LockoutProperties limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /** How long the account stays locked for this source, if it is. */
    public Optional<Duration> locked(String username, String source) {
        Instant now = clock.instant();
        List<Instant> until = jdbc.query("select locked_until from sign_in_lock where username = ? and source = ? "
                + "and locked_until > ?", (row, n) -> row.getTimestamp(1).toInstant(), name(username), clip(source),
                Timestamp.from(now));
        return until.stream().findFirst().map(end -> roundUp(Duration.between(now, end)));
    }

    /**
     * Counts one wrong password, kept even when the caller's transaction rolls back; answers the
     * lock when this failure locked the pair.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Lock> recordFailure(String username, String source) {
        Instant now = clock.instant();
        Timestamp windowCutoff = Timestamp.from(now.minus(limits.window()));
        // one statement, so concurrent failures on several replicas never lose a count
        Row row = jdbc.queryForObject("""
                insert into sign_in_lock (username, source, window_start, failures) values (?, ?, ?, 1)
                on conflict (username, source) do update set
                  failures = case when sign_in_lock.window_start <= ? then 1 else sign_in_lock.failures + 1 end,
                  window_start = case when sign_in_lock.window_start <= ? then excluded.window_start
                                      else sign_in_lock.window_start end
                returning failures, lockouts, locked_until""",
                (rs, n) -> new Row(rs.getInt(1), rs.getInt(2), rs.getTimestamp(3)),
                name(username), clip(source), Timestamp.from(now), windowCutoff, windowCutoff);
        boolean lockedNow = row.lockedUntil() != null && row.lockedUntil().toInstant().isAfter(now);
        if (lockedNow || row.failures() <= limits.maxFailures()) {
            return Optional.empty();
        }
        int number = row.lockouts() + 1;
        Duration duration = limits.lockNumber(number);
        // the condition makes two replicas that both saw the limit crossed lock the pair once
        int locked = jdbc.update("""
                update sign_in_lock set lockouts = ?, locked_until = ?, failures = 0, window_start = ?
                where username = ? and source = ? and lockouts = ?""",
                number, Timestamp.from(now.plus(duration)), Timestamp.from(now), name(username), clip(source),
                row.lockouts());
        return locked == 1 ? Optional.of(new Lock(duration, number, row.failures())) : Optional.empty();
    }

    /** A good sign-in forgets the pair's failures and locks. */
    public void forget(String username, String source) {
        jdbc.update("delete from sign_in_lock where username = ? and source = ?", name(username), clip(source));
    }

    /** Ends every lock of the account (an admin's unlock or password reset); answers how many sources were locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int unlock(String username) {
        Timestamp now = Timestamp.from(clock.instant());
        Integer locked = jdbc.queryForObject("select count(*) from sign_in_lock where username = ? and locked_until > ?",
                Integer.class, name(username), now);
        jdbc.update("delete from sign_in_lock where username = ?", name(username));
        return locked == null ? 0 : locked;
    }

    /** Sources the account is locked for right now, with when each lock ends. */
    public List<LockedSource> lockedSources(String username) {
        return jdbc.query("select source, locked_until from sign_in_lock where username = ? and locked_until > ? "
                + "order by source", (row, n) -> new LockedSource(row.getString(1), row.getTimestamp(2).toInstant()),
                name(username), Timestamp.from(clock.instant()));
    }

    /** The accounts locked for at least one source right now. */
    public java.util.Set<String> lockedAccounts() {
        return new java.util.HashSet<>(jdbc.queryForList("select distinct username from sign_in_lock where locked_until > ?",
                String.class, Timestamp.from(clock.instant())));
    }

    /** A source an account is locked for, until when. */
    public record LockedSource(String source, Instant until) {
    }

    /** Drops pairs that neither failed nor were locked for a day, so their locks grow from the start again. */
    public int purgeOlderThan(Instant cutoff) {
        Timestamp at = Timestamp.from(cutoff);
        return jdbc.update("delete from sign_in_lock where window_start < ? and (locked_until is null or locked_until < ?)",
                at, at);
    }

    private record Row(int failures, int lockouts, Timestamp lockedUntil) {
    }

    private static String name(String username) {
        return clip(username.toLowerCase(Locale.ROOT));
    }

    private static String clip(String value) {
        return value.length() > MAX_NAME ? value.substring(0, MAX_NAME) : value;
    }

    private static Duration roundUp(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
