package io.rigplane.session;

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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Registers the session monitor once for the whole cluster of replicas, at the configured interval. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
class SessionMonitorSchedule {

    static final JobKey JOB = JobKey.jobKey("session-monitor", "session");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("session-monitor", "session");

    private final Scheduler scheduler;
    private final SessionProperties properties;

    SessionMonitorSchedule(Scheduler scheduler, SessionProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws SchedulerException {
        JobDetail job = JobBuilder.newJob(SessionMonitorJob.class).withIdentity(JOB).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.monitorInterval().toMillis()).repeatForever()
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
