package io.rigplane.operation.internal;

import io.rigplane.operation.OperationFailed;
import io.rigplane.operation.OperationHandler;
import io.rigplane.operation.OperationState;
import io.rigplane.operation.OperationStep;
import io.rigplane.operation.OperationTakenOver;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
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
    private final WaitTriggers triggers;
    private final WaitPoller poller;
    private final WaitProperties waits;
    @Autowired
    private ApplicationEventPublisher events;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "operation-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public OperationRunner(OperationStore store, List<OperationHandler> handlers, Clock clock,
            TaskSteps tasks, AuditTrail audit, WaitTriggers triggers, WaitPoller poller, WaitProperties waits) {
        this.triggers = triggers;
        this.poller = poller;
        this.waits = waits;
        this.audit = audit;
        this.store = store;
        this.handlers = handlers.stream().collect(Collectors.toMap(OperationHandler::kind, Function.identity()));
        this.clock = clock;
        this.tasks = tasks;
    }

    /**
     * Runs the operation, or carries its run on after a wait when {@code fromStep} (where the run's steps
     * begin) is given: such a firing is no new run, counts no attempt, and replays the run's steps.
     */
    public void run(UUID id, boolean recovering, @Nullable Integer fromStep) {
        boolean carriedOn = fromStep != null;
        OperationView operation = carriedOn ? carryOn(id) : claim(id);
        if (operation == null) {
            return;
        }
        int firstStep = carriedOn ? fromStep : nextPosition(operation);
        // a carried-on operation has counted its run already; before, attempts was read before the count
        boolean earlierRuns = operation.attempts() > (carriedOn ? 1 : 0);
        if (carriedOn) {
            log.debug("Operation {} ({} on {}) carried on after a wait", id, operation.kind(), operation.target());
        } else {
            // which replica runs what, in its own log: with several replicas Quartz picks any of them
            log.info("Operation {} ({} on {}) running, run {}", id, operation.kind(), operation.target(),
                    operation.attempts() + 1);
            if (recovering) events.publishEvent(new OperationTakenOver(id, operation.kind(), operation.target()));
        }
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
                    boolean yielding = handler.yieldsWhileWaiting();
                    String summary = handler.execute(new StoredOperationContext(operation,
                            recovering || attempt > 1 || earlierRuns, store, clock, tasks, yielding,
                            yielding ? store.stepsFrom(id, firstStep) : List.of()));
                    finish(operation, OperationState.SUCCEEDED, summary, null);
                    return summary;
                } catch (OperationPause pause) {
                    // the thread goes back to Quartz; the wait trigger and this replica's poller carry on
                    triggers.schedule(id, firstStep, clock.instant().plus(waits.recheck()));
                    poller.watch(id, pause);
                    return null;
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

    /** The operation, when it still runs (a firing after a wait); it beats for the firing at once. */
    private @Nullable OperationView carryOn(UUID id) {
        return Retry.run(DATABASE_OUTAGE, attempt -> {
            poller.forget(id);
            OperationView operation = store.find(id).orElse(null);
            boolean running = operation != null && operation.state() == OperationState.RUNNING
                    && store.heartbeatWhileRunning(id, clock.instant());
            return running ? operation : null;
        });
    }

    private static int nextPosition(OperationView operation) {
        List<OperationStep> steps = operation.steps();
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).position() + 1;
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
        if (state == OperationState.FAILED) events.publishEvent(new OperationFailed(operation.id(), operation.kind(), operation.target(), String.valueOf(error)));
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
