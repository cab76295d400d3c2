package io.rigplane.operation.internal;

import io.rigplane.operation.OperationHandler;
import io.rigplane.operation.OperationState;
import io.rigplane.operation.OperationView;
import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.system.DatabaseOutage;
import io.rigplane.system.ProblemException;
import io.rigplane.system.Retry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.stereotype.Component;

/** Runs an operation with its handler, beating a heartbeat so that a dead replica is noticed. */
@Component
public class OperationRunner {

    public static final long HEARTBEAT_SECONDS = 10;
    /**
     * Resumptions within one run after a lost database: six attempts, pauses from 1 s doubling to 10 s,
     * about half a minute of outage.
     */
    private static final RetryPolicy DATABASE_OUTAGE = Retry.backoff(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofMinutes(1), 6, DatabaseOutage::causedBy);
    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);

    private final OperationStore store;
    private final Map<String, OperationHandler> handlers;
    private final Clock clock;
    private final TaskSteps tasks;
    private final AuditTrail audit;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "operation-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public OperationRunner(OperationStore store, List<OperationHandler> handlers, Clock clock,
            TaskSteps tasks, AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.handlers = handlers.stream().collect(Collectors.toMap(OperationHandler::kind, Function.identity()));
        this.clock = clock;
        this.tasks = tasks;
    }

    public void run(UUID id, boolean recovering) {
        OperationView operation = claim(id);
        if (operation == null) {
            return;
        }
        // which replica runs what, in its own log: with several replicas Quartz picks any of them
        log.info("Operation {} ({} on {}) running, run {}", id, operation.kind(), operation.target(),
                operation.attempts() + 1);
        OperationHandler handler = handlers.get(operation.kind());
        if (handler == null) {
            finish(operation, OperationState.FAILED, null, "No handler for operations of kind " + operation.kind());
            return;
        }
        // a periodic task that throws once is never run again: a heartbeat lost to a database outage
        // must not silence the operation for good, or the watchdog takes it for abandoned
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                store.heartbeat(id, clock.instant());
            } catch (RuntimeException missed) {
                log.debug("Operation {}: heartbeat not recorded ({})", id, missed.toString());
            }
        }, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        try {
            Retry.run(DATABASE_OUTAGE, attempt -> {
                try {
                    String summary = handler.execute(
                            new StoredOperationContext(operation, recovering || attempt > 1, store, clock, tasks));
                    finish(operation, OperationState.SUCCEEDED, summary, null);
                    return summary;
                } catch (Exception e) {
                    if (DatabaseOutage.causedBy(e)) {
                        log.warn("Operation {} ({} on {}) lost the database ({}); resuming it once the database"
                                + " answers", id, operation.kind(), operation.target(), DatabaseOutage.describe(e));
                    }
                    throw e;
                }
            });
        } catch (Exception e) {
            log.info("Operation {} ({} on {}) failed: {}", id, operation.kind(), operation.target(), e.toString());
            log.debug("Operation {} failure", id, e);
            finish(operation, OperationState.FAILED, null, DatabaseOutage.causedBy(e)
                    ? "The database connection was lost and did not come back in time: " + DatabaseOutage.describe(e)
                    : reason(e));
        } finally {
            heartbeat.cancel(false);
        }
    }

    /**
     * Marks the operation running and returns it; null when it finished already (a duplicate fire).
     * A job that fires just as PostgreSQL goes away waits for it: Quartz deletes a job that ran, so
     * giving up here would leave the operation to the watchdog, a minute or more later.
     */
    private @Nullable OperationView claim(UUID id) {
        return Retry.run(DATABASE_OUTAGE, attempt -> {
            try {
                OperationView operation = store.find(id).orElse(null);
                boolean runnable = operation != null && !operation.state().finished()
                        && store.markRunning(id, clock.instant());
                return runnable ? operation : null;
            } catch (RuntimeException e) {
                if (DatabaseOutage.causedBy(e)) {
                    log.warn("Operation {} could not start, the database does not answer ({}); trying again", id,
                            DatabaseOutage.describe(e));
                }
                throw e;
            }
        });
    }

    private void finish(OperationView operation, OperationState state, @Nullable String summary, @Nullable String error) {
        store.finish(operation.id(), state, summary, error, clock.instant());
        Actor actor = new Actor(Actor.Type.valueOf(operation.actorType()), operation.actor());
        audit.record(actor, "operation." + operation.kind(), operation.target(),
                state == OperationState.SUCCEEDED ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                "operation " + operation.id() + ": " + (error != null ? error : summary));
    }

    /** Errors Rigplane understands carry a message for people; others are named, not dumped. */
    public static String reason(Exception e) {
        if (e instanceof ProblemException || e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        return "Unexpected " + e.getClass().getSimpleName();
    }
}
