package io.rigplane.notification;

import io.rigplane.operation.OperationFailed;
import io.rigplane.operation.OperationTakenOver;
import io.rigplane.power.GpuWantedWhileBusy;
import io.rigplane.power.NodeDidNotWake;
import io.rigplane.provisioning.DriftFound;
import io.rigplane.session.SessionFailed;
import io.rigplane.session.SessionTakenOver;
import io.rigplane.snapshot.SnapshotRunEnded;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into queued notifications. It runs in the publisher's thread and
 * transaction, so a notification is queued exactly when what it reports is stored (nothing is lost
 * between the two), and a failure here never stops the publisher's own work.
 */
@Component
class NotificationEvents {

    private static final Logger log = LoggerFactory.getLogger(NotificationEvents.class);

    private final DeliveryStore deliveries;
    private final NotificationMemory memory;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationEvents(DeliveryStore deliveries, NotificationMemory memory, NotificationProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.memory = memory;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(OperationFailed failed) {
        queue(EventType.OPERATION_FAILED, "Operation " + failed.kind() + " on " + failed.target() + " failed",
                failed.error(), failed.target(), details("operation", failed.operation().toString(), "kind",
                        failed.kind(), "target", failed.target(), "link", "/operations/" + failed.operation()));
    }

    @EventListener
    void on(OperationTakenOver taken) {
        queue(EventType.WORK_TAKEN_OVER, "A replica took over " + taken.kind() + " on " + taken.target(),
                "The replica running operation " + taken.operation() + " stopped; another replica carries it on.",
                taken.target(), details("operation", taken.operation().toString(), "kind", taken.kind(),
                        "target", taken.target(), "link", "/operations/" + taken.operation()));
    }

    @EventListener
    void on(SessionTakenOver taken) {
        queue(EventType.WORK_TAKEN_OVER, "A replica took over the session on " + taken.profile(),
                "The replica driving stream session " + taken.session() + " stopped; another replica carries it on.",
                taken.profile(), details("session", taken.session().toString(), "profile", taken.profile(),
                        "link", "/sessions/" + taken.session()));
    }

    @EventListener
    void on(DriftFound drift) {
        queue(EventType.DRIFT_FOUND, "Drift found on " + drift.profile(),
                drift.detail() != null ? drift.detail()
                        : "The VM of " + drift.profile() + " was changed outside Rigplane (" + drift.changes()
                                + " change" + (drift.changes() == 1 ? "" : "s") + " from its profile).",
                drift.profile(), details("profile", drift.profile(), "changes", String.valueOf(drift.changes()),
                        "link", "/profiles/" + drift.profile()));
    }

    @EventListener
    void on(SnapshotRunEnded run) {
        try {
            countPruning(run);
        } catch (RuntimeException e) {
            log.warn("Snapshot run {} not counted for notifications: {}", run.run(), e.toString());
        }
    }

    private void countPruning(SnapshotRunEnded run) {
        String streak = "snapshot.pruned_nothing:" + run.profile() + ":" + run.label();
        if (run.state().equals("FAILED")) {
            queue(EventType.SNAPSHOT_FAILED, "Snapshot of " + run.profile() + " failed",
                    run.reason() == null ? "The snapshot run failed." : run.reason(), run.profile(),
                    details("profile", run.profile(), "policy", String.valueOf(run.label()), "run",
                            run.run().toString()));
        } else if (run.state().equals("PARTIAL") && run.pruned() == 0 && run.label() != null) {
            int inRow = memory.increment(streak);
            if (inRow % properties.prunedNothingRuns() == 0) {
                queue(EventType.SNAPSHOT_PRUNED_NOTHING, "Snapshots of " + run.profile() + " are not being pruned",
                        inRow + " runs of policy " + run.label() + " in a row pruned nothing: " + run.reason(),
                        run.profile(), details("profile", run.profile(), "policy", run.label(), "runs",
                                String.valueOf(inRow)));
            }
        } else if (run.pruned() > 0 || run.state().equals("SUCCEEDED")) {
            memory.reset(streak);
        }
    }

    @EventListener
    void on(SessionFailed failed) {
        queue(EventType.SESSION_FAILED, "Stream session on " + failed.profile() + " failed", failed.reason(),
                failed.profile(), details("session", failed.session().toString(), "profile", failed.profile(),
                        "link", "/sessions/" + failed.session()));
    }

    @EventListener
    void on(GpuWantedWhileBusy busy) {
        // a session waiting for the GPU asks again every few seconds: say so once per while
        if (quietFirst("gpu.busy:" + busy.profile() + ":" + busy.holder(), properties.repeatQuiet(),
                clock.instant())) {
            queue(EventType.GPU_BUSY, busy.profile() + " wants GPU " + busy.gpu() + ", held by " + busy.holder(),
                    "The VM of " + busy.profile() + " cannot start while " + busy.holder() + " holds GPU "
                            + busy.gpu() + ".", busy.profile(),
                    details("profile", busy.profile(), "gpu", busy.gpu(), "holder", busy.holder()));
        }
    }

    @EventListener
    void on(NodeDidNotWake node) {
        queue(EventType.NODE_WAKE_FAILED, "Node " + node.node() + " did not wake", node.reason(), node.node(),
                details("node", node.node(), "link", "/nodes"));
    }

    private boolean quietFirst(String key, java.time.Duration quiet, java.time.Instant now) {
        try {
            return memory.firstIn(key, quiet, now);
        } catch (RuntimeException e) {
            log.warn("Notification memory unavailable: {}", e.toString());
            return false;
        }
    }

    private void queue(EventType type, String title, String message, String subject, Map<String, String> details) {
        try {
            deliveries.enqueue(new Notification(type.wire(), title, message, subject, clock.instant(), details),
                    clock.instant());
        } catch (RuntimeException e) {
            log.warn("Notification {} about {} not queued: {}", type.wire(), subject, e.toString());
        }
    }

    private static Map<String, String> details(String... pairs) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            details.put(pairs[i], pairs[i + 1]);
        }
        return details;
    }
}
