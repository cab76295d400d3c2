package io.rigplane.operation;

import io.rigplane.operation.internal.OperationRunner;
import io.rigplane.operation.internal.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks after operations that nobody runs any more: silent for longer than several heartbeats and
 * without a Quartz job left to recover them. Quartz recovers those of a replica that died; a job is
 * lost only when it fired while PostgreSQL was down, or its replica could not record the end. Such an
 * operation is queued again (handlers are safe to run again) until it has had {@link #RUNS} runs, or
 * has been silent for {@link #GIVE_UP}, then failed with the reason, so none stays "queued" or
 * "running" forever. Safe on every replica at once: queueing is refused while a job exists, and failing
 * is refused once another replica has started it again.
 */
@Component
class OperationWatchdog {

    static final Duration SILENCE = Duration.ofSeconds(OperationRunner.HEARTBEAT_SECONDS * 6);
    static final int RUNS = 3;
    /** A job-less operation silent this long (never started, or queued again to no avail) is given up. */
    static final Duration GIVE_UP = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(OperationWatchdog.class);

    private final OperationStore store;
    private final Operations operations;
    private final Scheduler scheduler;
    private final Clock clock;
    @Autowired
    private ApplicationEventPublisher events;

    OperationWatchdog(OperationStore store, Operations operations, Scheduler scheduler, Clock clock) {
        this.store = store;
        this.operations = operations;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${rigplane.operations.watchdog-interval:30s}", initialDelayString = "30s")
    void failAbandoned() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(SILENCE);
        Set<UUID> longSilent = Set.copyOf(store.silentSince(now.minus(GIVE_UP)));
        for (UUID id : store.silentSince(cutoff)) {
            try {
                lookAfter(id, cutoff, longSilent.contains(id));
            } catch (RuntimeException | SchedulerException e) {
                log.warn("Operation {}: could not check whether it was abandoned ({})", id, e.toString());
            }
        }
    }

    private void lookAfter(UUID id, Instant cutoff, boolean longSilent) throws SchedulerException {
        // the row before the job: a replica that starts it in between has a job until it ends
        OperationView operation = store.find(id).orElse(null);
        if (operation == null || operation.state().finished()
                || scheduler.checkExists(JobKey.jobKey(id.toString(), Operations.JOB_GROUP))) {
            return;
        }
        if (operation.attempts() < RUNS && !longSilent) {
            log.warn("Operation {} ({} on {}) lost its job after {} runs; queueing it again", id, operation.kind(),
                    operation.target(), operation.attempts());
            operations.requeue(id);
            return;
        }
        String reason = operation.attempts() >= RUNS
                ? "Interrupted " + RUNS + " times (a replica running it stopped or lost the database); not run again"
                : (operation.state() == OperationState.QUEUED ? "Never started" : "Stalled")
                        + ": no replica could run it within " + GIVE_UP.toMinutes() + " minutes";
        if (store.failIfSilent(id, cutoff, reason, clock.instant())) {
            log.warn("Operation {} ({} on {}) was abandoned: {}", id, operation.kind(), operation.target(), reason);
            events.publishEvent(new OperationFailed(id, operation.kind(), operation.target(), reason));
        }
    }
}
