package io.rigplane.snapshot.run;

import io.rigplane.snapshot.policy.StoredPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RunStore {

    private final JdbcClient jdbc;

    RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when this policy's run at this time exists already (another replica fired it). */
    boolean insertScheduled(UUID id, StoredPolicy policy, Instant scheduledFor, String name, boolean ram, String actor,
            Instant now) {
        return jdbc.sql("""
                insert into snapshot_run (id, profile, policy_id, label, trigger, scheduled_for, snapshot_name, ram_state,
                                          state, actor, created_at)
                values (:id, :profile, :policy, :label, 'SCHEDULED', :at, :name, :ram, 'QUEUED', :actor, :now)
                on conflict (policy_id, scheduled_for) do nothing""")
                .param("id", id).param("profile", policy.profile()).param("policy", policy.id())
                .param("label", policy.label()).param("at", Timestamp.from(scheduledFor)).param("name", name)
                .param("ram", ram).param("actor", actor).param("now", Timestamp.from(now)).update() == 1;
    }

    void insertManual(UUID id, String profile, String name, String actor, Instant now) {
        jdbc.sql("""
                insert into snapshot_run (id, profile, trigger, snapshot_name, ram_state, state, actor, created_at)
                values (:id, :profile, 'MANUAL', :name, false, 'QUEUED', :actor, :now)""")
                .param("id", id).param("profile", profile).param("name", name).param("actor", actor)
                .param("now", Timestamp.from(now)).update();
    }

    Optional<SnapshotRun> find(UUID id) {
        return jdbc.sql("select * from snapshot_run where id = :id").param("id", id).query(RunStore::map).optional();
    }

    void queued(UUID id, UUID operation) {
        jdbc.sql("update snapshot_run set operation_id = :op where id = :id").param("op", operation).param("id", id)
                .update();
    }

    /** Still queued, waiting for the reason given. */
    void waiting(UUID id, String reason) {
        jdbc.sql("update snapshot_run set reason = :reason where id = :id").param("reason", reason).param("id", id)
                .update();
    }

    void running(UUID id, UUID operation, Instant now) {
        jdbc.sql("""
                update snapshot_run set state = 'RUNNING', operation_id = :op, attempts = attempts + 1,
                    started_at = coalesce(started_at, :now) where id = :id""")
                .param("op", operation).param("now", Timestamp.from(now)).param("id", id).update();
    }

    void finish(UUID id, String state, @Nullable String reason, List<String> pruned, Instant now) {
        jdbc.sql("""
                update snapshot_run set state = :state, reason = :reason, pruned = :pruned, finished_at = :now,
                    duration_ms = (extract(epoch from (:now - coalesce(started_at, created_at))) * 1000)::bigint
                where id = :id""")
                .param("state", state).param("reason", reason == null ? null : truncate(reason, 2000))
                .param("pruned", truncate(String.join(",", pruned), 4000)).param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    public SnapshotRun.Page page(@Nullable String profile, @Nullable String label, @Nullable String state, int page, int size) {
        String where = " where (cast(:profile as varchar) is null or profile = :profile)"
                + " and (cast(:label as varchar) is null or label = :label)"
                + " and (cast(:state as varchar) is null or state = :state)";
        List<SnapshotRun> items = jdbc.sql("select * from snapshot_run" + where
                        + " order by created_at desc, id limit :limit offset :offset")
                .param("profile", profile).param("label", label).param("state", state).param("limit", size)
                .param("offset", (long) page * size).query(RunStore::map).list();
        long total = jdbc.sql("select count(*) from snapshot_run" + where).param("profile", profile)
                .param("label", label).param("state", state).query(Long.class).single();
        return new SnapshotRun.Page(items, page, size, total);
    }

    List<SnapshotRun> since(String profile, Instant from) {
        return jdbc.sql("select * from snapshot_run where profile = :profile and created_at >= :from order by created_at")
                .param("profile", profile).param("from", Timestamp.from(from)).query(RunStore::map).list();
    }

    /** Whether a run of Rigplane took a snapshot of this name for this profile. */
    public boolean tookSnapshot(String profile, String name) {
        return jdbc.sql("""
                select count(*) from snapshot_run
                where profile = :profile and snapshot_name = :name and state in ('SUCCEEDED', 'PARTIAL')""")
                .param("profile", profile).param("name", name).query(Long.class).single() > 0;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static SnapshotRun map(ResultSet rs, int row) throws SQLException {
        String pruned = rs.getString("pruned");
        long duration = rs.getLong("duration_ms");
        Long durationMs = rs.wasNull() ? null : duration;
        return new SnapshotRun(rs.getObject("id", UUID.class), rs.getString("profile"), rs.getString("label"),
                rs.getString("trigger"), instant(rs.getTimestamp("scheduled_for")), rs.getString("snapshot_name"),
                rs.getBoolean("ram_state"), rs.getString("state"), rs.getString("reason"),
                pruned == null || pruned.isEmpty() ? List.of() : Arrays.asList(pruned.split(",")),
                rs.getObject("operation_id", UUID.class), rs.getInt("attempts"), rs.getString("actor"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), durationMs);
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
