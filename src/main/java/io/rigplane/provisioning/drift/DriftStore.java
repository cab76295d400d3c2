package io.rigplane.provisioning.drift;

import io.rigplane.provisioning.Change;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Drift reports in PostgreSQL, one row per profile, replaced at each check. */
@Repository
class DriftStore {

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DriftStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(DriftReport report) {
        jdbc.sql("""
                insert into profile_drift (profile_name, checked_at, drifted, drifted_since, changes, error)
                values (:name, :checked, :drifted, :since, :changes, :error)
                on conflict (profile_name) do update set checked_at = excluded.checked_at,
                    drifted = excluded.drifted, changes = excluded.changes, error = excluded.error,
                    drifted_since = case when not excluded.drifted then null
                                         else coalesce(profile_drift.drifted_since, excluded.drifted_since) end""")
                .param("name", report.profile()).param("checked", timestamp(report.checkedAt()))
                .param("drifted", report.drifted()).param("since", timestamp(report.driftedSince()))
                .param("changes", json.writeValueAsString(report.changes())).param("error", report.error())
                .update();
    }

    Optional<DriftReport> find(String profile) {
        return jdbc.sql("select * from profile_drift where profile_name = :name").param("name", profile)
                .query(this::report).optional();
    }

    /** Whether each checked profile drifted, in one query; a profile never checked has no entry. */
    java.util.Map<String, Boolean> checked() {
        java.util.Map<String, Boolean> drifted = new java.util.HashMap<>();
        jdbc.sql("select profile_name, drifted from profile_drift")
                .query(rs -> {
                    drifted.put(rs.getString("profile_name"), rs.getBoolean("drifted"));
                });
        return drifted;
    }

    List<DriftReport> drifted() {
        return jdbc.sql("select * from profile_drift where drifted order by profile_name").query(this::report).list();
    }

    private DriftReport report(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new DriftReport(rs.getString("profile_name"), instant(rs.getTimestamp("checked_at")),
                rs.getBoolean("drifted"), instant(rs.getTimestamp("drifted_since")),
                json.readValue(rs.getString("changes"), CHANGES), rs.getString("error"));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
