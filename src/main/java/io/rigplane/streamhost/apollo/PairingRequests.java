package io.rigplane.streamhost.apollo;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time pairing codes Rigplane asked Apollo for, per profile and client name. A client that
 * pairs with such a code gets launch and input once; if an admin takes them away later in Apollo,
 * Rigplane does not hand them back until it issues a new code for that client.
 */
@Component
class PairingRequests {

    private final JdbcClient jdbc;
    private final Clock clock;

    PairingRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void requested(String profile, String clientName) {
        jdbc.sql("""
                insert into stream_host_pairing (profile, client_name, requested_at, granted_at) values (?, ?, ?, null)
                on conflict (profile, client_name) do update set requested_at = excluded.requested_at, granted_at = null""")
                .params(profile, clientName, Timestamp.from(clock.instant()))
                .update();
    }

    boolean awaitingGrant(String profile, String clientName) {
        return jdbc.sql("select count(*) from stream_host_pairing where profile = ? and client_name = ? and granted_at is null")
                .params(profile, clientName).query(Long.class).single() > 0;
    }

    /** Marks the grant as done; false when another replica did it first. */
    boolean granted(String profile, String clientName) {
        return jdbc.sql("update stream_host_pairing set granted_at = ? where profile = ? and client_name = ? and granted_at is null")
                .params(Timestamp.from(clock.instant()), profile, clientName).update() > 0;
    }
}
