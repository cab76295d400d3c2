package io.rigplane.provisioning.drift;

import io.rigplane.provisioning.DriftCheckJob;
import io.rigplane.system.RecurringJobs;
import java.time.Duration;
import java.time.Instant;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Registers the periodic drift check once for the whole cluster of replicas. */
@Component
class DriftSchedule {

    static final JobKey JOB = JobKey.jobKey("drift-check", "provisioning");

    private final Scheduler scheduler;
    private final Duration interval;

    DriftSchedule(Scheduler scheduler, @Value("${rigplane.drift.interval:15m}") Duration interval) {
        this.scheduler = scheduler;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws SchedulerException {
        RecurringJobs.register(scheduler, DriftCheckJob.class, JOB.getName(), JOB.getGroup(), interval,
                Instant.now().plus(interval));
    }
}
