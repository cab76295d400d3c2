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
 * Spring's job store, telling this replica's scheduler thread about a trigger written in a transaction
 * again once the transaction commits. Quartz tells it right after the write, before the commit: the thread
 * looks, does not see the trigger yet, and sleeps its idle wait (up to {@code idleWaitTime}, 1 s) before
 * the trigger fires. Operations are queued, and waiting operations moved to now, in transactions (so no
 * one sees them half written), so each of them paid that second; the look after the commit finds them.
 * Named by {@code org.quartz.jobStore.class} in application.yaml.
 */
public class CommittedTriggersJobStore extends LocalDataSourceJobStore {

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
