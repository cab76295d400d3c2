package io.rigplane.session.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Session settings per profile; the row goes with its profile. */
@Repository
public class SessionSettingsStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    SessionSettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public SessionSettings get(String profile) {
        return jdbc.sql("select * from session_settings where profile = :profile").param("profile", profile)
                .query((rs, row) -> new SessionSettings(rs.getInt("idle_timeout_seconds"), rs.getInt("grace_seconds"),
                        (Integer) rs.getObject("max_length_seconds"),
                        SessionSettings.Concurrent.valueOf(rs.getString("concurrent")),
                        SessionSettings.WhenGpuBusy.valueOf(rs.getString("when_gpu_busy")),
                        rs.getInt("stream_host_timeout_seconds")))
                .optional().orElse(SessionSettings.DEFAULTS);
    }

    public void put(String profile, SessionSettings settings) {
        jdbc.sql("""
                insert into session_settings (profile, idle_timeout_seconds, grace_seconds, max_length_seconds,
                                              concurrent, when_gpu_busy, stream_host_timeout_seconds, updated_at)
                values (:profile, :idle, :grace, :max, :concurrent, :gpu, :streamHost, :now)
                on conflict (profile) do update set idle_timeout_seconds = excluded.idle_timeout_seconds,
                    grace_seconds = excluded.grace_seconds, max_length_seconds = excluded.max_length_seconds,
                    concurrent = excluded.concurrent, when_gpu_busy = excluded.when_gpu_busy,
                    stream_host_timeout_seconds = excluded.stream_host_timeout_seconds,
                    updated_at = excluded.updated_at""")
                .param("profile", profile).param("idle", settings.idleTimeoutSeconds())
                .param("grace", settings.graceSeconds()).param("max", settings.maxLengthSeconds())
                .param("concurrent", settings.concurrent().name()).param("gpu", settings.whenGpuBusy().name())
                .param("streamHost", settings.streamHostTimeoutSeconds())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
