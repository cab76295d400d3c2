package io.rigplane.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the queue on every replica. A target is locked with {@code FOR UPDATE SKIP LOCKED}
 * while its deliveries go out, so across replicas each target is served by one at a time: each
 * notification goes once, and in the order it was queued. Only a target's oldest queued delivery may
 * go; when it fails, the ones behind it wait for its retry. The lock is held until the outcome is
 * stored: a replica that dies mid-request leaves the delivery queued, to be sent again (at least once).
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DeliveryStore deliveries;
    private final TargetStore targets;
    private final TargetSender sender;
    private final NotificationProperties properties;
    private final Clock clock;

    DeliveryWorker(JdbcClient jdbc, TransactionTemplate transactions, DeliveryStore deliveries, TargetStore targets,
            TargetSender sender, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.deliveries = deliveries;
        this.targets = targets;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /** Serves every target with due work that no other replica is serving, in the order of their ids. */
    @Scheduled(fixedDelayString = "${rigplane.notifications.poll-interval:1s}",
            initialDelayString = "${rigplane.notifications.poll-interval:1s}")
    void deliverDue() {
        try {
            Long served = 0L;
            while (served != null) {
                long after = served;
                served = transactions.execute(status -> serveNext(after));
            }
        } catch (RuntimeException e) {
            log.warn("Notifications not delivered this round: {}", e.toString());
        }
    }

    private @Nullable Long serveNext(long after) {
        Instant now = clock.instant();
        Optional<StoredTarget> target = jdbc.sql("""
                select * from notification_target t
                where t.id > :after and t.paused_at is null
                  and exists (select 1 from notification_delivery d
                              where d.target_id = t.id and d.status = 'PENDING' and d.next_attempt_at <= :now)
                order by t.id limit 1
                for update of t skip locked""")
                .param("after", after).param("now", Timestamp.from(now))
                .query(TargetStore::stored).optional();
        target.ifPresent(this::serve);
        return target.map(StoredTarget::id).orElse(null);
    }

    private void serve(StoredTarget target) {
        for (int sent = 0; sent < properties.batch(); sent++) {
            Instant now = clock.instant();
            Optional<DeliveryStore.Queued> head = deliveries.head(target.id());
            if (head.isEmpty() || head.get().due().isAfter(now)) {
                return;
            }
            Attempt attempt = attempt(target, head.get());
            Instant done = clock.instant();
            if (attempt.delivered()) {
                deliveries.delivered(head.get().id(), attempt, done);
                jdbc.sql("update notification_target set consecutive_failures = 0 where id = ?").param(target.id())
                        .update();
                continue;
            }
            int attempts = head.get().attempts() + 1;
            deliveries.failed(head.get().id(), attempt, done, done.plus(properties.backoff(attempts)));
            int failures = jdbc.sql("""
                    update notification_target set consecutive_failures = consecutive_failures + 1
                    where id = ? returning consecutive_failures""").param(target.id()).query(Integer.class).single();
            log.info("Notification {} to {} failed (attempt {}): {}", head.get().id(), target.name(), attempts,
                    attempt.error());
            if (failures >= properties.pauseAfter()) {
                targets.pause(target.id(), failures + " deliveries failed in a row; last: " + attempt.error(), done);
                log.warn("Notification target {} paused after {} failures in a row", target.name(), failures);
            }
            return;
        }
    }

    private Attempt attempt(StoredTarget target, DeliveryStore.Queued queued) {
        try {
            return sender.send(target, queued.id(), queued.notification());
        } catch (RuntimeException e) {
            // e.g. a secret sealed under another key: a failed attempt, counted and shown, not a stuck queue
            return new Attempt(false, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
