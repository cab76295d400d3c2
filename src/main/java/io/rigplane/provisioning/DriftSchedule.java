package io.rigplane.provisioning;

import java.time.Duration;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Registers the periodic drift check once for the whole cluster of replicas. */
@Component
class DriftSchedule {

    static final JobKey JOB = JobKey.jobKey("drift-check", "provisioning");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("drift-check", "provisioning");

    private final Scheduler scheduler;
    private final Duration interval;

    DriftSchedule(Scheduler scheduler, @Value("${rigplane.drift.interval:15m}") Duration interval) {
        this.scheduler = scheduler;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws SchedulerException {
        JobDetail job = JobBuilder.newJob(DriftCheckJob.class).withIdentity(JOB).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                .startAt(java.util.Date.from(java.time.Instant.now().plus(interval)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            scheduler.addJob(job, true);
            if (scheduler.checkExists(TRIGGER)) {
                scheduler.rescheduleJob(TRIGGER, trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (ObjectAlreadyExistsException anotherReplicaWasFirst) {
            // the same schedule, registered by a replica that started at the same moment
        }
    }
}
