package io.rigplane.power.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who holds each GPU device. The primary key (cluster, node, device) decides a race between two
 * starts atomically in PostgreSQL, so exactly one wins whatever the timing and however many replicas.
 */
@Component
public class GpuClaims {

    private final JdbcClient jdbc;
    private final Clock clock;

    GpuClaims(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the device for a profile; true when this call took it (false: someone holds it, maybe the profile). */
    public boolean claim(GpuKey key, String profile) {
        adoptLegacy(key);
        return jdbc.sql("""
                insert into gpu_claim (cluster, node, mapping, device, profile, claimed_at) values (?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(key.cluster(), key.node(), key.mapping(), key.device(), profile, Timestamp.from(clock.instant()))
                .update() == 1;
    }

    public Optional<Claim> holder(GpuKey key) {
        return jdbc.sql("select * from gpu_claim where cluster = ? and node = ? and device in (?, ?)")
                .params(key.cluster(), key.node(), key.device(), key.legacy() == null ? key.device() : key.legacy())
                .query(GpuClaims::row).optional();
    }

    /** The devices a profile holds (one, unless a VM maps several). */
    public List<Claim> heldBy(String profile) {
        return jdbc.sql("select * from gpu_claim where profile = ? order by cluster, node, device").params(profile)
                .query(GpuClaims::row).list();
    }

    /** Hands the device from its holder to another profile; false when the holder changed meanwhile. */
    public boolean transfer(GpuKey key, String from, String to) {
        adoptLegacy(key);
        return jdbc.sql("""
                update gpu_claim set profile = ?, claimed_at = ?
                where cluster = ? and node = ? and device = ? and profile = ?""")
                .params(to, Timestamp.from(clock.instant()), key.cluster(), key.node(), key.device(), from)
                .update() == 1;
    }

    /** Releases a device only if this profile still holds it. */
    public void release(GpuKey key, String profile) {
        jdbc.sql("delete from gpu_claim where cluster = ? and node = ? and device in (?, ?) and profile = ?")
                .params(key.cluster(), key.node(), key.device(), key.legacy() == null ? key.device() : key.legacy(),
                        profile).update();
    }

    /** Releases whatever the profile holds (its VM stopped). */
    void releaseAll(String profile) {
        jdbc.sql("delete from gpu_claim where profile = ?").params(profile).update();
    }

    public List<Claim> all() {
        return jdbc.sql("select * from gpu_claim order by cluster, node, device").query(GpuClaims::row).list();
    }

    /** A claim from before per-device claims that stands for this device becomes a claim of it. */
    private void adoptLegacy(GpuKey key) {
        if (key.legacy() == null) {
            return;
        }
        try {
            jdbc.sql("update gpu_claim set device = ? where cluster = ? and node = ? and device = ?")
                    .params(key.device(), key.cluster(), key.node(), key.legacy()).update();
        } catch (DuplicateKeyException alreadyClaimed) {
            // the device has its own claim: the old one stays and still counts for it
        }
    }

    private static Claim row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String mapping = rs.getString("mapping");
        String device = rs.getString("device");
        return new Claim(new GpuKey(rs.getString("cluster"), rs.getString("node"), mapping, device,
                device.equals(GpuKey.legacyDevice(mapping)) ? device : null),
                rs.getString("profile"), rs.getTimestamp("claimed_at").toInstant());
    }

    /** A GPU device held by a profile since a moment. */
    public record Claim(GpuKey gpu, String profile, Instant claimedAt) {
    }
}
