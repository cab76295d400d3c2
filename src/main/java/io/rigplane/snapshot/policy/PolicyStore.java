package io.rigplane.snapshot.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PolicyStore {

    private static final String SELECT = """
            select p.*, pr.name as profile_name from snapshot_policy p join profile pr on pr.id = p.profile_id""";

    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredPolicy> forProfile(long profileId) {
        return jdbc.sql(SELECT + " where p.profile_id = :id order by p.label").param("id", profileId)
                .query(PolicyStore::map).list();
    }

    public Optional<StoredPolicy> find(long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(PolicyStore::map).optional();
    }

    List<StoredPolicy> all() {
        return jdbc.sql(SELECT + " order by p.id").query(PolicyStore::map).list();
    }

    /** Makes the profile's policies exactly these (matched by label); call inside a transaction. */
    void replace(long profileId, List<SnapshotPolicy> policies, Instant now) {
        List<String> labels = policies.stream().map(SnapshotPolicy::label).toList();
        if (labels.isEmpty()) {
            jdbc.sql("delete from snapshot_policy where profile_id = :id").param("id", profileId).update();
        } else {
            jdbc.sql("delete from snapshot_policy where profile_id = :id and label not in (:labels)")
                    .param("id", profileId).param("labels", labels).update();
        }
        for (SnapshotPolicy p : policies) {
            jdbc.sql("""
                    insert into snapshot_policy (profile_id, label, cron, time_zone, keep, ram_state, run_when, enabled,
                                                 updated_at)
                    values (:profile, :label, :cron, :zone, :keep, :ram, :when, :enabled, :now)
                    on conflict (profile_id, label) do update set cron = excluded.cron, time_zone = excluded.time_zone,
                        keep = excluded.keep, ram_state = excluded.ram_state, run_when = excluded.run_when,
                        enabled = excluded.enabled, updated_at = excluded.updated_at""")
                    .param("profile", profileId).param("label", p.label()).param("cron", p.cron())
                    .param("zone", p.zone()).param("keep", p.keep()).param("ram", p.withRam())
                    .param("when", p.runWhen().name()).param("enabled", p.active()).param("now", Timestamp.from(now))
                    .update();
        }
    }

    private static StoredPolicy map(ResultSet rs, int row) throws SQLException {
        return new StoredPolicy(rs.getLong("id"), rs.getString("profile_name"), new SnapshotPolicy(
                rs.getString("label"), rs.getString("cron"), rs.getString("time_zone"), rs.getInt("keep"),
                rs.getBoolean("ram_state"), RunWhen.valueOf(rs.getString("run_when")), rs.getBoolean("enabled")));
    }
}
