package io.rigplane.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code notification_target} rows. */
@Component
class TargetStore {

    private static final String VIEW = """
            select t.*, (select count(*) from notification_delivery d
                         where d.target_id = t.id and d.status = 'PENDING') as pending
            from notification_target t""";

    private final JdbcClient jdbc;

    TargetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TargetView> list() {
        return jdbc.sql(VIEW + " order by t.name").query(TargetStore::view).list();
    }

    Optional<TargetView> find(long id) {
        return jdbc.sql(VIEW + " where t.id = ?").param(id).query(TargetStore::view).optional();
    }

    Optional<StoredTarget> stored(long id) {
        return jdbc.sql("select * from notification_target where id = ?").param(id).query(TargetStore::stored)
                .optional();
    }

    boolean nameTaken(String name, @Nullable Long except) {
        return jdbc.sql("select count(*) from notification_target where name = ? and id <> ?")
                .params(name, except == null ? -1L : except).query(Long.class).single() > 0;
    }

    long insert(ValidTarget target, Instant now) {
        return jdbc.sql("""
                insert into notification_target (name, kind, url, events, priority, tags, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(target.name(), target.kind(), target.url(), String.join(",", target.events()),
                        target.priority(), String.join(",", target.tags()), Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }

    void update(long id, ValidTarget target, Instant now) {
        jdbc.sql("""
                update notification_target set name = ?, kind = ?, url = ?, events = ?, priority = ?, tags = ?,
                       updated_at = ?
                where id = ?""")
                .params(target.name(), target.kind(), target.url(), String.join(",", target.events()),
                        target.priority(), String.join(",", target.tags()), Timestamp.from(now), id)
                .update();
    }

    void secret(long id, @Nullable String sealed) {
        jdbc.sql("update notification_target set secret_sealed = ? where id = ?").params(sealed, id).update();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from notification_target where id = ?").param(id).update() == 1;
    }

    void pause(long id, String reason, Instant now) {
        jdbc.sql("update notification_target set paused_at = ?, pause_reason = ? where id = ? and paused_at is null")
                .params(Timestamp.from(now), reason, id).update();
    }

    /** Clears the pause and the failure count; the queue's head is due at once. */
    void resume(long id, Instant now) {
        jdbc.sql("update notification_target set paused_at = null, pause_reason = null, consecutive_failures = 0 "
                + "where id = ?").param(id).update();
        jdbc.sql("update notification_delivery set next_attempt_at = ? where target_id = ? and status = 'PENDING'")
                .params(Timestamp.from(now), id).update();
    }

    private static TargetView view(ResultSet rs, int row) throws SQLException {
        Timestamp paused = rs.getTimestamp("paused_at");
        return new TargetView(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("url"),
                rs.getString("secret_sealed") != null, split(rs.getString("events")),
                (Integer) rs.getObject("priority"), split(rs.getString("tags")), paused == null ? "ACTIVE" : "PAUSED",
                paused == null ? null : paused.toInstant(), rs.getString("pause_reason"),
                rs.getInt("consecutive_failures"), rs.getLong("pending"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    static StoredTarget stored(ResultSet rs, int row) throws SQLException {
        return new StoredTarget(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("url"),
                rs.getString("secret_sealed"), (Integer) rs.getObject("priority"), split(rs.getString("tags")));
    }

    static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
