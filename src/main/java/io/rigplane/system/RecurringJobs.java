package io.rigplane.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.Job;
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

/**
 * Registers a job that repeats at a fixed interval once for the whole cluster of replicas: every
 * replica registers it at start-up with the same keys, and the last one's interval wins.
 */
public final class RecurringJobs {

    private RecurringJobs() {
    }

    public static void register(Scheduler scheduler, Class<? extends Job> type, String name, String group,
            Duration interval, Instant firstRun) throws SchedulerException {
        JobKey jobKey = JobKey.jobKey(name, group);
        TriggerKey triggerKey = TriggerKey.triggerKey(name, group);
        JobDetail job = JobBuilder.newJob(type).withIdentity(jobKey).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(jobKey)
                .startAt(Date.from(firstRun))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        // a replica that was down does not catch up on every run it missed
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            scheduler.addJob(job, true);
            if (scheduler.checkExists(triggerKey)) {
                scheduler.rescheduleJob(triggerKey, trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (ObjectAlreadyExistsException anotherReplicaWasFirst) {
            // the same schedule, registered by a replica that started at the same moment
        }
    }
}
