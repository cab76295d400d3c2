package io.rigplane.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the notifier remembers across replicas, in {@code notification_memory}. */
@Component
class NotificationMemory {

    private final JdbcClient jdbc;

    NotificationMemory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one more in a row and returns the count. */
    int increment(String key) {
        return jdbc.sql("""
                insert into notification_memory (memory_key, count) values (?, 1)
                on conflict (memory_key) do update set count = notification_memory.count + 1
                returning count""").param(key).query(Integer.class).single();
    }

    void reset(String key) {
        jdbc.sql("delete from notification_memory where memory_key = ?").param(key).update();
    }

    /** True for the first caller, on any replica, until {@code quiet} has passed; then true once again. */
    boolean firstIn(String key, Duration quiet, Instant now) {
        return jdbc.sql("""
                insert into notification_memory (memory_key, quiet_until) values (:key, :until)
                on conflict (memory_key) do update set quiet_until = :until
                where notification_memory.quiet_until is null or notification_memory.quiet_until <= :now
                returning memory_key""")
                .param("key", key).param("until", Timestamp.from(now.plus(quiet))).param("now", Timestamp.from(now))
                .query(String.class).optional().isPresent();
    }
}
