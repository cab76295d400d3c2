package io.rigplane.operation.internal;

import io.rigplane.operation.Operations;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Quartz trigger that carries a waiting operation on: one per operation, on its own job, so the
 * clustered job store still fires it on exactly one replica, and the job (which disallows concurrent
 * execution) never runs twice at once. Its data says where this run's steps begin, so the next firing
 * knows which recorded steps are its own to replay.
 *
 * <p>Each move runs in a transaction. Quartz's Spring job store writes on the caller's connection, which
 * outside a transaction commits statement by statement: a move (delete the trigger, insert its row, insert
 * its schedule) was then seen half done by trigger acquisition on every replica ("No record found", and
 * after two such failures in a row Quartz's scheduler sleeps its 15 s retry interval), and a database lost
 * between the statements left a trigger without its schedule that no replica could ever acquire again.
 * In a transaction the move is all or nothing, and Quartz's TRIGGER_ACCESS row lock is held until it
 * commits, so it no longer interleaves with a firing's start or end.
 */
@Component
public class WaitTriggers {

    static final String GROUP = "operation-waits";
    /** The position of the first step of the run the firing carries on (a String: the job store keeps properties). */
    public static final String FROM_STEP = "fromStep";

    private final Scheduler scheduler;
    private final TransactionTemplate transaction;

    WaitTriggers(Scheduler scheduler, PlatformTransactionManager transactions) {
        this.scheduler = scheduler;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The position stored on a firing's trigger, or null for a firing that starts a run. */
    public static @Nullable Integer fromStep(Trigger fired) {
        if (!GROUP.equals(fired.getKey().getGroup())) {
            return null;
        }
        String from = fired.getJobDataMap().getString(FROM_STEP);
        return from == null ? null : Integer.valueOf(from);
    }

    /**
     * Fires the operation again at {@code at}, unless the poller moves it sooner. Called from within the
     * firing: Quartz keeps a trigger rescheduled during its own job's execution.
     */
    void schedule(UUID id, int fromStep, Instant at) throws SchedulerException {
        Trigger next = TriggerBuilder.newTrigger().withIdentity(key(id))
                .forJob(JobKey.jobKey(id.toString(), Operations.JOB_GROUP))
                .usingJobData(FROM_STEP, Integer.toString(fromStep))
                .startAt(Date.from(at))
                .build();
        inTransaction(() -> {
            if (scheduler.rescheduleJob(next.getKey(), next) == null) {
                scheduler.scheduleJob(next);
            }
        });
    }

    /**
     * Moves the operation's next firing to now; nothing when it has none (it has fired and finished).
     * Never creates one, so a late look cannot bring a finished operation back.
     */
    void now(UUID id) throws SchedulerException {
        inTransaction(() -> {
            Trigger waiting = scheduler.getTrigger(key(id));
            if (waiting != null) {
                scheduler.rescheduleJob(waiting.getKey(), waiting.getTriggerBuilder().startNow().build());
            }
        });
    }

    private void inTransaction(SchedulerWork work) throws SchedulerException {
        try {
            transaction.executeWithoutResult(status -> {
                try {
                    work.run();
                } catch (SchedulerException e) {
                    throw new Failed(e);
                }
            });
        } catch (Failed failed) {
            throw failed.cause;
        }
    }

    private interface SchedulerWork {
        void run() throws SchedulerException;
    }

    /** Carries a checked failure out of the transaction, which it rolls back. */
    private static final class Failed extends RuntimeException {
        private final SchedulerException cause;

        Failed(SchedulerException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static TriggerKey key(UUID id) {
        return TriggerKey.triggerKey(id.toString(), GROUP);
    }
}
