package io.rigplane.session.prewarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pre-warm settings, warm-ups and the session history they learn from, in PostgreSQL. */
@Repository
class PrewarmStore {

    private final JdbcClient jdbc;

    PrewarmStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Enabled(String profile, PrewarmSettings settings) {
    }

    Optional<PrewarmSettings> settings(String profile) {
        return jdbc.sql("select * from prewarm_settings where profile = :profile").param("profile", profile)
                .query(PrewarmStore::settings).optional();
    }

    List<Enabled> enabled() {
        return jdbc.sql("select * from prewarm_settings where mode <> 'OFF' order by profile")
                .query((rs, n) -> new Enabled(rs.getString("profile"), settings(rs, n))).list();
    }

    void put(String profile, PrewarmSettings settings, Instant now) {
        jdbc.sql("""
                insert into prewarm_settings (profile, mode, lead_seconds, grace_seconds, zone, manual_schedule, updated_at)
                values (:profile, :mode, :lead, :grace, :zone, :manual, :now)
                on conflict (profile) do update set mode = excluded.mode, lead_seconds = excluded.lead_seconds,
                    grace_seconds = excluded.grace_seconds, zone = excluded.zone,
                    manual_schedule = excluded.manual_schedule, updated_at = excluded.updated_at""")
                .param("profile", profile).param("mode", settings.mode().name())
                .param("lead", settings.leadSeconds()).param("grace", settings.graceSeconds())
                .param("zone", settings.zone())
                .param("manual", settings.manualSchedule() ? settings.manual().stream()
                        .map(time -> time.day() + " " + time.time()).collect(Collectors.joining("\n")) : null)
                .param("now", ts(now)).update();
    }

    /** When the profile's sessions began since the given instant. */
    List<Instant> sessionStarts(String profile, Instant since) {
        return jdbc.sql("select created_at from stream_session where profile = :profile and created_at >= :since")
                .param("profile", profile).param("since", ts(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** The median time from request to READY of the profile's sessions on a VM that was not pre-warmed. */
    Optional<Duration> coldTimeToReady(String profile, Instant since) {
        Double seconds = jdbc.sql("""
                select percentile_cont(0.5) within group (order by extract(epoch from s.ready_at - s.created_at))
                from stream_session s
                where s.profile = :profile and s.created_at >= :since and s.ready_at is not null
                  and not exists (select 1 from prewarm_run r where r.session_id = s.id)""")
                .param("profile", profile).param("since", ts(since)).query(Double.class).optional().orElse(null);
        return seconds == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** Takes the decision for one expected session; empty when a replica took it already. */
    Optional<UUID> claim(String profile, Instant expectedAt, Duration estimate, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into prewarm_run (id, profile, expected_at, state, estimate_seconds, created_at)
                values (:id, :profile, :expected, 'WARMING', :estimate, :now)
                on conflict (profile, expected_at) do nothing""")
                .param("id", id).param("profile", profile).param("expected", ts(expectedAt))
                .param("estimate", (int) estimate.toSeconds()).param("now", ts(now)).update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    void skipped(UUID id, String reason, Instant now) {
        finish(id, PrewarmRun.State.SKIPPED, reason, now);
    }

    void failed(UUID id, String reason, Instant now) {
        finish(id, PrewarmRun.State.FAILED, reason, now);
    }

    void started(UUID id, UUID operation, Instant now) {
        jdbc.sql("update prewarm_run set operation_id = :operation, started_at = :now where id = :id")
                .param("operation", operation).param("now", ts(now)).param("id", id).update();
    }

    boolean warm(UUID id, Instant now) {
        return jdbc.sql("update prewarm_run set state = 'WARM', warm_at = :now where id = :id and state = 'WARMING'")
                .param("now", ts(now)).param("id", id).update() == 1;
    }

    boolean used(UUID id, UUID session, int savedSeconds, Instant now) {
        return jdbc.sql("""
                update prewarm_run set state = 'USED', session_id = :session, saved_seconds = :saved, ended_at = :now,
                    reason = 'a session found the VM warm'
                where id = :id and state in ('WARMING', 'WARM')""")
                .param("session", session).param("saved", savedSeconds).param("now", ts(now)).param("id", id)
                .update() == 1;
    }

    boolean wasted(UUID id, int poweredSeconds, String reason, Instant now) {
        return jdbc.sql("""
                update prewarm_run set state = 'WASTED', powered_seconds = :powered, ended_at = :now, reason = :reason
                where id = :id and state in ('WARMING', 'WARM')""")
                .param("powered", poweredSeconds).param("now", ts(now)).param("reason", reason).param("id", id)
                .update() == 1;
    }

    private void finish(UUID id, PrewarmRun.State state, String reason, Instant now) {
        jdbc.sql("update prewarm_run set state = :state, reason = :reason, ended_at = :now where id = :id")
                .param("state", state.name()).param("reason", reason.length() > 1024 ? reason.substring(0, 1024) : reason)
                .param("now", ts(now)).param("id", id).update();
    }

    List<PrewarmRun> open() {
        return jdbc.sql("select * from prewarm_run where state in ('WARMING', 'WARM') order by expected_at")
                .query(PrewarmStore::run).list();
    }

    /** The start operation of the profile's warm VM waiting for its session, if there is one. */
    Optional<UUID> warmStart(String profile) {
        return jdbc.sql("""
                select operation_id from prewarm_run where profile = :profile and state = 'WARM'
                order by expected_at desc limit 1""")
                .param("profile", profile).query(UUID.class).optional();
    }

    record SessionStart(UUID id, Instant createdAt, @Nullable Instant readyAt, String state) {
    }

    Optional<SessionStart> firstSessionSince(String profile, Instant since) {
        return jdbc.sql("""
                select id, created_at, ready_at, state from stream_session
                where profile = :profile and created_at >= :since order by created_at limit 1""")
                .param("profile", profile).param("since", ts(since))
                .query((rs, n) -> new SessionStart(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                        instant(rs, "ready_at"), rs.getString("state"))).optional();
    }

    boolean liveSession(String profile) {
        return jdbc.sql("""
                select exists (select 1 from stream_session where profile = :profile
                               and state not in ('ENDING', 'ENDED', 'FAILED'))""")
                .param("profile", profile).query(Boolean.class).single();
    }

    List<PrewarmRun> recent(String profile, int limit) {
        return jdbc.sql("select * from prewarm_run where profile = :profile order by expected_at desc limit :limit")
                .param("profile", profile).param("limit", limit).query(PrewarmStore::run).list();
    }

    PrewarmFigures figures(String profile) {
        return jdbc.sql("""
                select count(*) filter (where state not in ('SKIPPED')) as warm_ups,
                       count(*) filter (where state = 'USED') as used,
                       count(*) filter (where state = 'WASTED') as wasted,
                       count(*) filter (where state = 'SKIPPED') as skipped,
                       coalesce(sum(powered_seconds) filter (where state = 'WASTED'), 0) / 60 as wasted_minutes,
                       coalesce(sum(saved_seconds) filter (where state = 'USED'), 0) as saved,
                       coalesce(percentile_disc(0.5) within group (order by saved_seconds)
                                filter (where state = 'USED'), 0) as median_saved
                from prewarm_run where profile = :profile""")
                .param("profile", profile)
                .query((rs, n) -> new PrewarmFigures(rs.getLong("warm_ups"), rs.getLong("used"), rs.getLong("wasted"),
                        rs.getLong("skipped"), rs.getLong("wasted_minutes"), rs.getLong("saved"),
                        rs.getLong("median_saved")))
                .single();
    }

    private static PrewarmSettings settings(ResultSet rs, int row) throws SQLException {
        String manual = rs.getString("manual_schedule");
        List<PrewarmSettings.ManualTime> times = manual == null ? List.of() : Arrays.stream(manual.split("\n"))
                .map(line -> line.split(" ", 2))
                .map(parts -> new PrewarmSettings.ManualTime(DayOfWeek.valueOf(parts[0]), LocalTime.parse(parts[1])))
                .toList();
        return new PrewarmSettings(PrewarmMode.valueOf(rs.getString("mode")), rs.getInt("lead_seconds"),
                rs.getInt("grace_seconds"), rs.getString("zone"), times);
    }

    private static PrewarmRun run(ResultSet rs, int row) throws SQLException {
        return new PrewarmRun(rs.getObject("id", UUID.class), rs.getString("profile"),
                rs.getTimestamp("expected_at").toInstant(), PrewarmRun.State.valueOf(rs.getString("state")),
                rs.getString("reason"), rs.getObject("operation_id", UUID.class), rs.getInt("estimate_seconds"),
                instant(rs, "started_at"), instant(rs, "warm_at"), instant(rs, "ended_at"),
                rs.getObject("session_id", UUID.class), (Integer) rs.getObject("saved_seconds"),
                (Integer) rs.getObject("powered_seconds"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
