package io.rigplane.snapshot;

import io.rigplane.snapshot.policy.PolicySchedule;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each profile's last snapshot run and its next scheduled one, for pages that show the whole fleet:
 * two queries whatever the number of profiles.
 */
@Service
public class SnapshotOutlook {

    private final JdbcClient jdbc;
    private final Scheduler scheduler;

    SnapshotOutlook(JdbcClient jdbc, Scheduler scheduler) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
    }

    public Map<String, Outlook> byProfile() {
        Map<String, Outlook> outlooks = new HashMap<>();
        jdbc.sql("""
                select distinct on (profile) profile, snapshot_name, state, coalesce(finished_at, created_at) as at
                from snapshot_run where state in ('SUCCEEDED', 'PARTIAL', 'FAILED')
                order by profile, created_at desc""")
                .query(rs -> {
                    outlooks.put(rs.getString("profile"), new Outlook(new Last(rs.getString("snapshot_name"),
                            rs.getString("state"), rs.getTimestamp("at").toInstant()), null));
                });
        // the policies' own Quartz triggers know their next time; read them all at once
        jdbc.sql("""
                select pr.name, min(t.next_fire_time) as next
                from snapshot_policy p join profile pr on pr.id = p.profile_id
                join qrtz_triggers t on t.sched_name = :scheduler and t.trigger_group = :group
                                    and t.trigger_name = 'policy-' || p.id
                where p.enabled and t.next_fire_time is not null
                group by pr.name""")
                .param("scheduler", schedulerName()).param("group", PolicySchedule.trigger(0).getGroup())
                .query(rs -> {
                    String profile = rs.getString("name");
                    Outlook known = outlooks.get(profile);
                    outlooks.put(profile, new Outlook(known == null ? null : known.last(),
                            Instant.ofEpochMilli(rs.getLong("next"))));
                });
        return outlooks;
    }

    private String schedulerName() {
        try {
            return scheduler.getSchedulerName();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz has no scheduler name", e);
        }
    }

    /** The last finished run (snapshot taken, partly taken or failed) and the next scheduled time. */
    public record Outlook(@Nullable Last last, @Nullable Instant next) {
    }

    /** A finished run: the snapshot's name, SUCCEEDED, PARTIAL or FAILED, and when. */
    public record Last(String name, String state, Instant at) {

        public boolean failed() {
            return state.equals("FAILED");
        }
    }
}
