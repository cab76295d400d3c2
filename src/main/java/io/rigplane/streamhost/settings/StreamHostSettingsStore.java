package io.rigplane.streamhost.settings;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code stream_host} rows: one per profile that has settings of its own. */
@Component
class StreamHostSettingsStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    StreamHostSettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<StoredSettings> find(String profile) {
        return jdbc.sql("select kind, app, http_port, username, password_sealed from stream_host where profile = ?")
                .param(profile)
                .query((rs, row) -> new StoredSettings(rs.getString("kind"), rs.getString("app"), rs.getInt("http_port"),
                        rs.getString("username"), rs.getString("password_sealed")))
                .optional();
    }

    void save(String profile, StoredSettings settings) {
        jdbc.sql("""
                insert into stream_host (profile, kind, app, http_port, username, password_sealed, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (profile) do update
                set kind = excluded.kind, app = excluded.app, http_port = excluded.http_port,
                    username = excluded.username, password_sealed = excluded.password_sealed,
                    updated_at = excluded.updated_at""")
                .params(profile, settings.kind(), settings.app(), settings.httpPort(), settings.username(),
                        settings.sealedPassword(), Timestamp.from(clock.instant()))
                .update();
    }
}
