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
 * Fails operations that nobody runs any more: silent for longer than several heartbeats and
 * without a Quartz job left to recover them. Quartz recovers the others, so none stays
 * "running" forever. Safe on every replica at once: finishing is a guarded update.
 */
@Component
class OperationWatchdog {

    static final Duration SILENCE = Duration.ofSeconds(OperationRunner.HEARTBEAT_SECONDS * 6);
    private static final Logger log = LoggerFactory.getLogger(OperationWatchdog.class);

    private final OperationStore store;
    private final Scheduler scheduler;
    private final Clock clock;

    OperationWatchdog(OperationStore store, Scheduler scheduler, Clock clock) {
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${rigplane.operations.watchdog-interval:30s}", initialDelayString = "30s")
    void failAbandoned() throws SchedulerException {
        for (UUID id : store.silentSince(clock.instant().minus(SILENCE))) {
            if (!scheduler.checkExists(JobKey.jobKey(id.toString(), Operations.JOB_GROUP))) {
                log.warn("Operation {} was abandoned: no replica runs it and none can recover it", id);
                store.finish(id, OperationState.FAILED, null,
                        "Interrupted: the replica running it stopped and no replica could resume it",
                        clock.instant());
            }
        }
    }
}
