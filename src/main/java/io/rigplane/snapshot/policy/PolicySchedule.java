package io.rigplane.snapshot.policy;

import io.rigplane.snapshot.SnapshotPolicyJob;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One Quartz cron trigger per enabled policy, in the clustered job store: whichever replica
 * acquires a firing runs it, and no other. A firing missed while every replica was down runs once
 * when the first comes back (fire once now), not once per missed time.
 */
@Component
public class PolicySchedule {

    private static final Logger log = LoggerFactory.getLogger(PolicySchedule.class);

    static final String GROUP = "snapshot-policies";

    private final Scheduler scheduler;
    private final PolicyStore store;

    PolicySchedule(Scheduler scheduler, PolicyStore store) {
        this.scheduler = scheduler;
        this.store = store;
    }

    static JobKey job(long policyId) {
        return JobKey.jobKey("policy-" + policyId, GROUP);
    }

    public static TriggerKey trigger(long policyId) {
        return TriggerKey.triggerKey("policy-" + policyId, GROUP);
    }

    /** Brings the trigger in line with the policy; an unchanged trigger is left alone (keeping a pending misfire). */
    void apply(StoredPolicy policy) throws SchedulerException {
        if (!policy.policy().active()) {
            remove(policy.id());
            return;
        }
        String cron;
        try {
            cron = CronSchedule.toQuartz(policy.policy().cron());
        } catch (IllegalArgumentException e) {
            // saved before the stricter rules (a step of 0, say): it does not run until it is saved again
            log.warn("Snapshot policy {} ('{}') is not scheduled: its cron {}", policy.id(), policy.policy().cron(),
                    e.getMessage());
            remove(policy.id());
            return;
        }
        TimeZone zone = TimeZone.getTimeZone(java.time.ZoneId.of(policy.policy().zone()));
        Trigger existing = scheduler.getTrigger(trigger(policy.id()));
        if (existing instanceof CronTrigger c && c.getCronExpression().equals(cron)
                && c.getTimeZone().getID().equals(zone.getID())) {
            return;
        }
        Trigger next = TriggerBuilder.newTrigger().withIdentity(trigger(policy.id())).forJob(job(policy.id()))
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(zone)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.addJob(JobBuilder.newJob(SnapshotPolicyJob.class).withIdentity(job(policy.id()))
                    .usingJobData(SnapshotPolicyJob.POLICY_ID, Long.toString(policy.id())).storeDurably().build(), true);
            if (existing != null) {
                scheduler.rescheduleJob(trigger(policy.id()), next);
            } else {
                scheduler.scheduleJob(next);
            }
        } catch (ObjectAlreadyExistsException anotherReplicaWasFirst) {
            // the same trigger, written by a replica that reconciled at the same moment
        }
    }

    public void remove(long policyId) throws SchedulerException {
        scheduler.deleteJob(job(policyId));
    }

    public Optional<Instant> nextRun(long policyId) {
        try {
            Trigger t = scheduler.getTrigger(trigger(policyId));
            return t == null || t.getNextFireTime() == null ? Optional.empty()
                    : Optional.of(t.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> policyOf(JobKey key) {
        try {
            return Optional.of(Long.parseLong(key.getName().substring("policy-".length())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** At start-up: a trigger for every enabled policy, none for a policy that is gone. */
    @EventListener(ApplicationReadyEvent.class)
    void reconcile() throws SchedulerException {
        Set<JobKey> wanted = new HashSet<>();
        for (StoredPolicy policy : store.all()) {
            apply(policy);
            if (policy.policy().active()) {
                wanted.add(job(policy.id()));
            }
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(key) && policyOf(key).flatMap(store::find).filter(p -> p.policy().active()).isEmpty()) {
                // read again: a policy saved on another replica since the list above keeps its trigger
                scheduler.deleteJob(key);
            }
        }
    }
}
