package io.rigplane.notification;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.CurrentActor;
import io.rigplane.access.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing, pausing, resuming, testing and deleting targets; every change is audited. */
@Service
class NotificationTargets {

    private final TargetStore store;
    private final DeliveryStore deliveries;
    private final TargetSender sender;
    private final SecretBox secrets;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final Clock clock;

    NotificationTargets(TargetStore store, DeliveryStore deliveries, TargetSender sender, SecretBox secrets,
            AuditTrail audit, CurrentActor actor, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.sender = sender;
        this.secrets = secrets;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    List<TargetView> list() {
        return store.list();
    }

    TargetView get(long id) {
        return store.find(id).orElseThrow(() -> new TargetNotFoundException(id));
    }

    @Transactional
    TargetView create(TargetRequest request) {
        ValidTarget target = TargetRules.check(request, true, false);
        if (store.nameTaken(target.name(), null)) {
            throw new TargetNameTakenException(target.name());
        }
        long id = store.insert(target, clock.instant());
        if (target.secret() != null) {
            store.secret(id, secrets.seal(target.secret(), StoredTarget.secretPurpose(id)));
        }
        audit.record("notification.target.create", target(id), AuditOutcome.SUCCESS,
                target.kind() + " " + target.name());
        return get(id);
    }

    @Transactional
    TargetView update(long id, TargetRequest request) {
        TargetView existing = get(id);
        ValidTarget target = TargetRules.check(request, false, existing.hasSecret());
        if (store.nameTaken(target.name(), id)) {
            throw new TargetNameTakenException(target.name());
        }
        Instant now = clock.instant();
        store.update(id, target, now);
        if (target.secret() != null) {
            store.secret(id, secrets.seal(target.secret(), StoredTarget.secretPurpose(id)));
        } else if (target.kind().equals("discord")) {
            store.secret(id, null);
        }
        if (Boolean.TRUE.equals(target.paused()) && !existing.paused()) {
            store.pause(id, "paused by " + actor.get().name(), now);
        } else if (Boolean.FALSE.equals(target.paused()) && existing.paused()) {
            store.resume(id, now);
        }
        audit.record("notification.target.update", target(id), AuditOutcome.SUCCESS,
                target.kind() + " " + target.name() + (target.secret() != null ? ", new secret" : ""));
        return get(id);
    }

    @Transactional
    void delete(long id) {
        if (!store.delete(id)) {
            throw new TargetNotFoundException(id);
        }
        audit.record("notification.target.delete", target(id), AuditOutcome.SUCCESS, null);
    }

    @Transactional
    TargetView resume(long id) {
        TargetView existing = get(id);
        if (existing.paused()) {
            store.resume(id, clock.instant());
            audit.record("notification.target.resume", target(id), AuditOutcome.SUCCESS,
                    existing.pending() + " deliveries queued");
        }
        return get(id);
    }

    /** Sends a test notification now, outside the queue, and logs it; the answer is how it went. */
    DeliveryView test(long id) {
        StoredTarget target = store.stored(id).orElseThrow(() -> new TargetNotFoundException(id));
        Instant now = clock.instant();
        Notification notification = new Notification(EventType.TEST.wire(), "Rigplane test notification",
                "This is a test from Rigplane: notifications to " + target.name() + " arrive.", target.name(), now,
                Map.of("target", target.name()));
        long delivery = deliveries.logTest(id, notification, now);
        Attempt attempt = sender.send(target, delivery, notification);
        deliveries.testSent(delivery, attempt, clock.instant());
        audit.record("notification.target.test", target(id),
                attempt.delivered() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                attempt.responseCode() != null ? "HTTP " + attempt.responseCode() : attempt.error());
        return deliveries.find(delivery).orElseThrow();
    }

    private static String target(long id) {
        return "notification-target:" + id;
    }

}
