package io.rigplane.power.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who holds each GPU. The primary key (cluster, node, mapping) decides a race between two starts
 * atomically in PostgreSQL, so exactly one wins whatever the timing and however many replicas.
 */
@Component
public class GpuClaims {

    private final JdbcClient jdbc;
    private final Clock clock;

    GpuClaims(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the GPU for a profile; true when this call took it (false: someone holds it, maybe the profile). */
    public boolean claim(GpuKey key, String profile) {
        return jdbc.sql("""
                insert into gpu_claim (cluster, node, mapping, profile, claimed_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(key.cluster(), key.node(), key.mapping(), profile, Timestamp.from(clock.instant()))
                .update() == 1;
    }

    public Optional<Claim> holder(GpuKey key) {
        return jdbc.sql("select * from gpu_claim where cluster = ? and node = ? and mapping = ?")
                .params(key.cluster(), key.node(), key.mapping()).query(GpuClaims::row).optional();
    }

    /** Hands the GPU from its holder to another profile; false when the holder changed meanwhile. */
    public boolean transfer(GpuKey key, String from, String to) {
        return jdbc.sql("""
                update gpu_claim set profile = ?, claimed_at = ?
                where cluster = ? and node = ? and mapping = ? and profile = ?""")
                .params(to, Timestamp.from(clock.instant()), key.cluster(), key.node(), key.mapping(), from)
                .update() == 1;
    }

    /** Releases a GPU only if this profile still holds it. */
    public void release(GpuKey key, String profile) {
        jdbc.sql("delete from gpu_claim where cluster = ? and node = ? and mapping = ? and profile = ?")
                .params(key.cluster(), key.node(), key.mapping(), profile).update();
    }

    /** Releases whatever the profile holds (its VM stopped). */
    void releaseAll(String profile) {
        jdbc.sql("delete from gpu_claim where profile = ?").params(profile).update();
    }

    public List<Claim> all() {
        return jdbc.sql("select * from gpu_claim order by cluster, node, mapping").query(GpuClaims::row).list();
    }

    private static Claim row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Claim(new GpuKey(rs.getString("cluster"), rs.getString("node"), rs.getString("mapping")),
                rs.getString("profile"), rs.getTimestamp("claimed_at").toInstant());
    }

    /** A GPU held by a profile since a moment. */
    public record Claim(GpuKey gpu, String profile, Instant claimedAt) {
    }
}
