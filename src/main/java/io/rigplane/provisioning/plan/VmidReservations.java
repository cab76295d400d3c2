package io.rigplane.provisioning.plan;

import io.rigplane.proxmox.ProxmoxClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out free VMIDs to concurrent creates. Proxmox's next free id is the same for everyone
 * until a VM exists, so a claim in PostgreSQL decides, across replicas, who gets which.
 */
@Component
class VmidReservations {

    /** A claim older than this belongs to a create that ended long ago, one way or the other. */
    static final Duration EXPIRY = Duration.ofMinutes(15);
    private static final int CANDIDATES = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    VmidReservations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    int reserve(ProxmoxClient client, String profile) {
        String cluster = client.clusterId();
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp expired = Timestamp.from(clock.instant().minus(EXPIRY));
        jdbc.sql("delete from vmid_reservation where cluster = :cluster and (profile_name = :profile or reserved_at < :expired)")
                .param("cluster", cluster).param("profile", profile).param("expired", expired).update();
        int candidate = client.nextVmid();
        for (int tried = 0; tried < CANDIDATES; tried++, candidate++) {
            int claimed = jdbc.sql("""
                    insert into vmid_reservation (cluster, vmid, profile_name, reserved_at)
                    values (:cluster, :vmid, :profile, :now) on conflict do nothing""")
                    .param("cluster", cluster).param("vmid", candidate).param("profile", profile).param("now", now)
                    .update();
            if (claimed == 1) {
                if (tried == 0 || client.vmidFree(candidate)) {
                    return candidate;
                }
                release(cluster, candidate);
            }
        }
        throw new IllegalStateException("No free VMID among " + CANDIDATES + " after " + (candidate - CANDIDATES));
    }

    void release(String cluster, int vmid) {
        jdbc.sql("delete from vmid_reservation where cluster = :cluster and vmid = :vmid")
                .param("cluster", cluster).param("vmid", vmid).update();
    }
}
