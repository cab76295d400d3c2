package io.rigplane.snapshot.run;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-node limit, held in PostgreSQL so it counts the runs of every replica: a run leases one
 * of its node's slot rows and gives it back when done. A lease outlives no crash for long: it runs
 * out by itself, and the same run recovered elsewhere takes its own lease again.
 */
@Component
class NodeSlots {

    private final JdbcClient jdbc;
    private final SnapshotProperties properties;

    NodeSlots(JdbcClient jdbc, SnapshotProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Waits for a free slot; {@link NodeBusyException} when none came free within the configured wait. */
    Lease acquire(String cluster, String node, UUID holder) throws InterruptedException {
        int limit = Math.max(1, properties.perNodeLimit());
        jdbc.sql("""
                insert into snapshot_node_slot (cluster, node, slot)
                select :cluster, :node, g from generate_series(0, :limit - 1) g on conflict do nothing""")
                .param("cluster", cluster).param("node", node).param("limit", limit).update();
        long deadline = System.nanoTime() + properties.slotWait().toNanos();
        long pause = 50;
        while (!tryAcquire(cluster, node, holder, limit)) {
            if (System.nanoTime() > deadline) {
                throw new NodeBusyException(node, limit, properties.slotWait());
            }
            Thread.sleep(pause + java.util.concurrent.ThreadLocalRandom.current().nextLong(pause));
            pause = Math.min(pause * 2, 200);
        }
        return new Lease(holder);
    }

    private boolean tryAcquire(String cluster, String node, UUID holder, int limit) {
        return jdbc.sql("""
                update snapshot_node_slot set holder = :holder, leased_until = now() + make_interval(secs => :lease)
                where (cluster, node, slot) = (
                    select cluster, node, slot from snapshot_node_slot
                    where cluster = :cluster and node = :node and slot < :limit
                      and (holder is null or holder = :holder or leased_until < now())
                    order by (holder = :holder) desc nulls last, slot limit 1 for update skip locked)""")
                .param("holder", holder).param("lease", (double) properties.slotLease().toSeconds())
                .param("cluster", cluster).param("node", node).param("limit", limit).update() == 1;
    }

    /** How many slots of a node are leased now (for the dashboard and tests). */
    int busy(String cluster, String node) {
        return jdbc.sql("""
                select count(*) from snapshot_node_slot
                where cluster = :cluster and node = :node and holder is not null and leased_until >= now()""")
                .param("cluster", cluster).param("node", node).query(Integer.class).single();
    }

    /** A leased slot; closing gives it back. */
    final class Lease implements AutoCloseable {
        private final UUID holder;

        private Lease(UUID holder) {
            this.holder = holder;
        }

        @Override
        public void close() {
            jdbc.sql("update snapshot_node_slot set holder = null, leased_until = null where holder = :holder")
                    .param("holder", holder).update();
        }

        @Override
        public String toString() {
            return "slot leased";
        }
    }

}
