package io.rigplane.power.node;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each node's Wake-on-LAN MAC, broadcast address and port, kept by Rigplane: a lone sleeping node
 * cannot be asked for its own node config, so Rigplane must know the MAC without it.
 */
@Component
public class NodeWakeSettings {

    private final JdbcClient jdbc;
    private final Clock clock;

    NodeWakeSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<WakeOnLan> find(String cluster, String node) {
        return jdbc.sql("select mac, broadcast, port from node_wake where cluster = ? and node = ?")
                .params(cluster, node)
                .query((rs, row) -> new WakeOnLan(rs.getString("mac"), rs.getString("broadcast"), rs.getInt("port")))
                .optional();
    }

    /** The MAC of every node of the cluster that has one, by node, in one query. */
    public java.util.Map<String, String> macs(String cluster) {
        java.util.Map<String, String> macs = new java.util.HashMap<>();
        jdbc.sql("select node, mac from node_wake where cluster = ?").params(cluster)
                .query(rs -> {
                    macs.put(rs.getString("node"), rs.getString("mac"));
                });
        return macs;
    }

    List<String> nodesWithSettings(String cluster) {
        return jdbc.sql("select node from node_wake where cluster = ?").params(cluster).query(String.class).list();
    }

    public void save(String cluster, String node, WakeOnLan settings) {
        jdbc.sql("""
                insert into node_wake (cluster, node, mac, broadcast, port, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (cluster, node) do update
                set mac = excluded.mac, broadcast = excluded.broadcast, port = excluded.port,
                    updated_at = excluded.updated_at""")
                .params(cluster, node, settings.mac(), settings.broadcast(), settings.port(),
                        Timestamp.from(clock.instant()))
                .update();
    }
}
