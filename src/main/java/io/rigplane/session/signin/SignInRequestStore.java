package io.rigplane.session.signin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** TV sign-in requests in PostgreSQL; every replica answers every poll. */
@Repository
class SignInRequestStore {

    private static final String COLUMNS = "id, state, requested_at, requested_from, expires_at, interval_seconds,"
            + " last_polled_at, device_id, device_name";

    private final JdbcClient jdbc;

    SignInRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String deviceCodeHash, String userCodeHash, Instant at, @Nullable String from,
            Instant expiresAt, int interval) {
        jdbc.sql("""
                insert into device_authorization (id, device_code_hash, user_code_hash, state, requested_at,
                                                  requested_from, expires_at, interval_seconds)
                values (:id, :device, :user, 'PENDING', :at, :from, :expires, :interval)""")
                .param("id", id).param("device", deviceCodeHash).param("user", userCodeHash)
                .param("at", ts(at)).param("from", from).param("expires", ts(expiresAt)).param("interval", interval)
                .update();
    }

    /** The request with this device code, locked until the caller's transaction ends. */
    Optional<SignInRequest> lockByDeviceCode(String deviceCodeHash) {
        return jdbc.sql("select " + COLUMNS + " from device_authorization where device_code_hash = :hash for update")
                .param("hash", deviceCodeHash).query(SignInRequestStore::row).optional();
    }

    /** The request with this user code, locked until the caller's transaction ends. */
    Optional<SignInRequest> lockByUserCode(String userCodeHash) {
        return jdbc.sql("select " + COLUMNS + " from device_authorization where user_code_hash = :hash for update")
                .param("hash", userCodeHash).query(SignInRequestStore::row).optional();
    }

    Optional<SignInRequest> findByUserCode(String userCodeHash) {
        return jdbc.sql("select " + COLUMNS + " from device_authorization where user_code_hash = :hash")
                .param("hash", userCodeHash).query(SignInRequestStore::row).optional();
    }

    void polled(UUID id, Instant at, int interval) {
        jdbc.sql("update device_authorization set last_polled_at = :at, interval_seconds = :interval where id = :id")
                .param("id", id).param("at", ts(at)).param("interval", interval).update();
    }

    void decided(UUID id, SignInRequest.State state, Instant at, String by, @Nullable UUID deviceId,
            @Nullable String deviceName, Instant expiresAt) {
        jdbc.sql("""
                update device_authorization set state = :state, decided_at = :at, decided_by = :by,
                       device_id = :device, device_name = :name, expires_at = :expires
                where id = :id""")
                .param("id", id).param("state", state.name()).param("at", ts(at)).param("by", by)
                .param("device", deviceId).param("name", deviceName).param("expires", ts(expiresAt)).update();
    }

    /** Once only: false when another request redeemed it first. */
    boolean redeem(UUID id) {
        return jdbc.sql("update device_authorization set state = 'REDEEMED' where id = :id and state = 'APPROVED'")
                .param("id", id).update() == 1;
    }

    /** Approved requests whose TV never came for its token, taken out of the table. */
    List<UUID> removeUncollected(Instant now) {
        return jdbc.sql("delete from device_authorization where state = 'APPROVED' and expires_at <= :now"
                        + " returning device_id")
                .param("now", ts(now)).query(UUID.class).list();
    }

    int removeExpiredBefore(Instant cutoff) {
        return jdbc.sql("delete from device_authorization where expires_at < :cutoff and state <> 'APPROVED'")
                .param("cutoff", ts(cutoff)).update();
    }

    private static SignInRequest row(ResultSet rs, int n) throws SQLException {
        return new SignInRequest(rs.getObject("id", UUID.class), SignInRequest.State.valueOf(rs.getString("state")),
                instant(rs.getTimestamp("requested_at")), rs.getString("requested_from"),
                instant(rs.getTimestamp("expires_at")), rs.getInt("interval_seconds"),
                instant(rs.getTimestamp("last_polled_at")), rs.getObject("device_id", UUID.class),
                rs.getString("device_name"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
