package io.rigplane.operation.internal;

import java.util.Date;
import org.quartz.JobDetail;
import org.quartz.JobPersistenceException;
import org.quartz.TriggerKey;
import org.quartz.spi.OperableTrigger;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's job store, with every write all or nothing, and seen by this replica's scheduler thread once
 * committed. Named by {@code org.quartz.jobStore.class} in application.yaml.
 *
 * <p>Within a Spring transaction a write joins it. Quartz tells the scheduler thread right after the write,
 * before the commit: the thread looks, does not see the trigger yet, and sleeps its idle wait (up to
 * {@code idleWaitTime}, 1 s) before the trigger fires. Operations are queued, and waiting operations moved
 * to now, in transactions, so each of them paid that second; the thread is told again after the commit.
 *
 * <p>Outside a transaction Spring's store ran a write's statements on a connection that committed each
 * alone, and Quartz's TRIGGER_ACCESS row lock ended with its own statement: other replicas saw triggers half
 * written ("No record found" in trigger acquisition, then 15 s retry sleeps), and a database lost between
 * the statements left a trigger row without its schedule that no replica could ever acquire again. Such a
 * write now runs in a transaction of its own on Quartz's non-transactional connection, holding the lock
 * until it commits, as Quartz's own writes (a firing's start and end) do.
 */
public class CommittedTriggersJobStore extends LocalDataSourceJobStore {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected Object executeInLock(String lockName, TransactionCallback callback) throws JobPersistenceException {
        // reads (no lock) keep Spring's connection; a write outside a transaction gets one of its own
        if (lockName != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
            return executeInNonManagedTXLock(lockName, callback, null);
        }
        return super.executeInLock(lockName, callback);
    }

    @Override
    public void storeJobAndTrigger(JobDetail job, OperableTrigger trigger) throws JobPersistenceException {
        super.storeJobAndTrigger(job, trigger);
        signalAfterCommit(trigger);
    }

    @Override
    public void storeTrigger(OperableTrigger trigger, boolean replaceExisting) throws JobPersistenceException {
        super.storeTrigger(trigger, replaceExisting);
        signalAfterCommit(trigger);
    }

    @Override
    public boolean replaceTrigger(TriggerKey key, OperableTrigger trigger) throws JobPersistenceException {
        boolean replaced = super.replaceTrigger(key, trigger);
        signalAfterCommit(trigger);
        return replaced;
    }

    private void signalAfterCommit(OperableTrigger trigger) {
        // without a transaction each statement has committed already, and Quartz's own signal suffices
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Date next = trigger.getNextFireTime();
        long fireAt = next == null ? 0 : next.getTime();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signalSchedulingChangeImmediately(fireAt);
            }
        });
    }
}
