package io.rigplane.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The {@code notification_delivery} rows: the queue of every target, and the delivery log. */
@Component
class DeliveryStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the notification for every target that wants its event, paused ones included. */
    int enqueue(Notification notification, Instant now) {
        return jdbc.sql("""
                insert into notification_delivery (target_id, event, payload, status, next_attempt_at, created_at)
                select id, :event, :payload, 'PENDING', :now, :now from notification_target
                where events = '' or :event = any (string_to_array(events, ','))
                order by id""")
                .param("event", notification.event()).param("payload", JSON.writeValueAsString(notification))
                .param("now", Timestamp.from(now)).update();
    }

    /**
     * A test notification's entry, SENDING while it goes: it skips the queue (its answer is the API's
     * answer), and no worker picks it up.
     */
    long logTest(long target, Notification notification, Instant now) {
        return jdbc.sql("""
                insert into notification_delivery (target_id, event, payload, status, next_attempt_at, created_at)
                values (?, ?, ?, 'SENDING', ?, ?) returning id""")
                .params(target, notification.event(), JSON.writeValueAsString(notification), Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class).single();
    }

    void testSent(long id, Attempt attempt, Instant now) {
        jdbc.sql("""
                update notification_delivery set status = ?, attempts = 1, response_code = ?, error = ?,
                    last_attempt_at = ?, delivered_at = ? where id = ?""")
                .params(attempt.delivered() ? "DELIVERED" : "FAILED", attempt.responseCode(), attempt.error(),
                        Timestamp.from(now), attempt.delivered() ? Timestamp.from(now) : null, id)
                .update();
    }

    /** The oldest queued delivery of the target: the only one that may go next. */
    Optional<Queued> head(long target) {
        return jdbc.sql("""
                select id, payload, attempts, next_attempt_at from notification_delivery
                where target_id = ? and status = 'PENDING' order by id limit 1""")
                .param(target)
                .query((rs, row) -> new Queued(rs.getLong("id"), JSON.readValue(rs.getString("payload"),
                        Notification.class), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant()))
                .optional();
    }

    void delivered(long id, Attempt attempt, Instant now) {
        jdbc.sql("""
                update notification_delivery set status = 'DELIVERED', attempts = attempts + 1, response_code = ?,
                    error = null, last_attempt_at = ?, delivered_at = ? where id = ?""")
                .params(attempt.responseCode(), Timestamp.from(now), Timestamp.from(now), id).update();
    }

    void failed(long id, Attempt attempt, Instant now, Instant next) {
        jdbc.sql("""
                update notification_delivery set attempts = attempts + 1, response_code = ?, error = ?,
                    last_attempt_at = ?, next_attempt_at = ? where id = ?""")
                .params(attempt.responseCode(), attempt.error(), Timestamp.from(now), Timestamp.from(next), id)
                .update();
    }

    Optional<DeliveryView> find(long id) {
        return jdbc.sql(LOG + " where d.id = ?").param(id).query(DeliveryStore::view).optional();
    }

    DeliveryView.Page page(@Nullable Long target, @Nullable String status, int page, int size) {
        String where = " where (cast(:target as bigint) is null or d.target_id = :target)"
                + " and (cast(:status as text) is null or d.status = :status)";
        List<DeliveryView> items = jdbc.sql(LOG + where + " order by d.id desc limit :size offset :offset")
                .param("target", target).param("status", status).param("size", size)
                .param("offset", (long) page * size).query(DeliveryStore::view).list();
        long total = jdbc.sql("select count(*) from notification_delivery d" + where)
                .param("target", target).param("status", status).query(Long.class).single();
        return new DeliveryView.Page(items, page, size, total);
    }

    /** The last deliveries of every target, for the dashboard. */
    List<DeliveryView> recent(int limit) {
        return jdbc.sql(LOG + " order by d.id desc limit ?").param(limit).query(DeliveryStore::view).list();
    }

    private static final String LOG = """
            select d.*, t.name as target_name from notification_delivery d
            join notification_target t on t.id = d.target_id""";

    private static DeliveryView view(ResultSet rs, int row) throws SQLException {
        Notification notification = JSON.readValue(rs.getString("payload"), Notification.class);
        String status = rs.getString("status");
        return new DeliveryView(rs.getLong("id"), rs.getLong("target_id"), rs.getString("target_name"),
                rs.getString("event"), notification.title(), status, rs.getInt("attempts"),
                (Integer) rs.getObject("response_code"), rs.getString("error"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_attempt_at")),
                status.equals("PENDING") ? instant(rs.getTimestamp("next_attempt_at")) : null,
                instant(rs.getTimestamp("delivered_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A queued delivery at the head of its target's queue. */
    record Queued(long id, Notification notification, int attempts, Instant due) {
    }
}
