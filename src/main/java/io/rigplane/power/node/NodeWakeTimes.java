package io.rigplane.power.node;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long each node took to come online after its last magic packet: placement prefers, among
 * sleeping nodes, the one that wakes fastest. Kept in the database so every replica knows it.
 */
@Component
public class NodeWakeTimes {

    private final JdbcClient jdbc;
    private final Clock clock;

    NodeWakeTimes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void packetSent(String cluster, String node) {
        jdbc.sql("""
                insert into node_wake_time (cluster, node, sent_at) values (?, ?, ?)
                on conflict (cluster, node) do update set sent_at = excluded.sent_at""")
                .params(cluster, node, Timestamp.from(clock.instant())).update();
    }

    /** The node is online: the time since the packet is its wake time (once per packet). */
    void cameOnline(String cluster, String node) {
        Instant now = clock.instant();
        jdbc.sql("""
                update node_wake_time set seconds = extract(epoch from (? - sent_at)), measured_at = ?, sent_at = null
                where cluster = ? and node = ? and sent_at is not null""")
                .params(Timestamp.from(now), Timestamp.from(now), cluster, node).update();
    }

    /** The last measured wake time of each node of the cluster that has one. */
    public Map<String, Duration> of(String cluster) {
        return jdbc.sql("select node, seconds from node_wake_time where cluster = ? and seconds is not null")
                .params(cluster)
                .query((rs, row) -> Map.entry(rs.getString("node"),
                        Duration.ofMillis(Math.round(rs.getDouble("seconds") * 1000))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
