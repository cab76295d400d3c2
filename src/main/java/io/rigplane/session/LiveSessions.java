package io.rigplane.session;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The sessions that hold or are about to hold a VM, for pages that show the whole fleet: one query
 * whatever the number of profiles.
 */
@Service
public class LiveSessions {

    private final JdbcClient jdbc;

    LiveSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The oldest live session of each profile that has one (a second one waits in its queue). */
    public Map<String, LiveSession> byProfile() {
        Map<String, LiveSession> live = new LinkedHashMap<>();
        jdbc.sql("""
                select id, profile, state, device_name, client_name, actor_name, created_at, ready_at
                from stream_session where state not in ('ENDING', 'ENDED', 'FAILED') order by created_at""")
                .query(rs -> {
                    String device = rs.getString("device_name");
                    java.sql.Timestamp ready = rs.getTimestamp("ready_at");
                    live.putIfAbsent(rs.getString("profile"), new LiveSession(rs.getObject("id", UUID.class),
                            rs.getString("profile"), rs.getString("state"),
                            device != null ? device : rs.getString("actor_name"), device != null,
                            rs.getString("client_name"), rs.getTimestamp("created_at").toInstant(),
                            ready == null ? null : ready.toInstant()));
                });
        return live;
    }

    /**
     * A live session: who holds it (the device's name, or the user's or token's name when no device
     * asked) and since when.
     */
    public record LiveSession(UUID id, String profile, String state, String who, boolean device, String client,
            Instant since, @Nullable Instant readyAt) {
    }
}
