package io.rigplane.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The sessions that reached READY in a time range, for the usage figures: when the VM served and when a client streamed. */
@Service
public class StreamHistory {

    private final JdbcClient jdbc;

    StreamHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A session that was READY: from {@code readyAt} until it ended (null while live). A client streamed
     * from {@code activeAt} (its first ACTIVE, null when none came) until {@code lastActivityAt}, the
     * last time the stream host saw it connected or it sent a heartbeat.
     */
    public record ServedSession(String profile, Instant readyAt, @Nullable Instant activeAt,
            @Nullable Instant lastActivityAt, @Nullable Instant endedAt) {
    }

    /** Sessions that were READY at some time in [from, to), oldest first. */
    public List<ServedSession> servedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                select s.profile, s.ready_at, s.last_activity_at, s.ended_at,
                       (select min(t.at) from stream_session_transition t
                        where t.session_id = s.id and t.state = 'ACTIVE') as active_at
                from stream_session s
                where s.ready_at is not null and s.ready_at < :to and (s.ended_at is null or s.ended_at >= :from)
                order by s.ready_at, s.id""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> new ServedSession(rs.getString("profile"), rs.getTimestamp("ready_at").toInstant(),
                        instant(rs.getTimestamp("active_at")), instant(rs.getTimestamp("last_activity_at")),
                        instant(rs.getTimestamp("ended_at"))))
                .list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
