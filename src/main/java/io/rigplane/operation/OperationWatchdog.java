package io.rigplane.operation;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks after operations that nobody runs any more: silent for longer than several heartbeats and
 * without a Quartz job left to recover them. Quartz recovers those of a replica that died; a job is
 * lost only when it fired while PostgreSQL was down, or its replica could not record the end. Such an
 * operation is queued again (handlers are safe to run again) until it has had {@link #RUNS} runs, then
 * failed with the reason, so none stays "queued" or "running" forever. Safe on every replica at once:
 * queueing is refused while a job exists and finishing is a guarded update.
 */
@Component
class OperationWatchdog {

    static final Duration SILENCE = Duration.ofSeconds(OperationRunner.HEARTBEAT_SECONDS * 6);
    static final int RUNS = 3;
    private static final Logger log = LoggerFactory.getLogger(OperationWatchdog.class);

    private final OperationStore store;
    private final Operations operations;
    private final Scheduler scheduler;
    private final Clock clock;

    OperationWatchdog(OperationStore store, Operations operations, Scheduler scheduler, Clock clock) {
        this.store = store;
        this.operations = operations;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${rigplane.operations.watchdog-interval:30s}", initialDelayString = "30s")
    void failAbandoned() throws SchedulerException {
        for (UUID id : store.silentSince(clock.instant().minus(SILENCE))) {
            if (scheduler.checkExists(JobKey.jobKey(id.toString(), Operations.JOB_GROUP))) {
                continue;
            }
            Operation operation = store.find(id).orElse(null);
            if (operation == null || operation.state().finished()) {
                continue;
            }
            if (operation.attempts() < RUNS) {
                log.warn("Operation {} ({} on {}) lost its job after {} runs; queueing it again", id,
                        operation.kind(), operation.target(), operation.attempts());
                operations.requeue(id);
            } else {
                log.warn("Operation {} was abandoned: no replica runs it and none can recover it", id);
                store.finish(id, OperationState.FAILED, null,
                        "Interrupted " + RUNS + " times (a replica running it stopped or lost the database);"
                                + " not run again",
                        clock.instant());
            }
        }
    }
}
