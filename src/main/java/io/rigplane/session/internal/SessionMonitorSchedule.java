package io.rigplane.session.internal;

import io.rigplane.session.SessionMonitorJob;
import io.rigplane.system.RecurringJobs;
import java.time.Instant;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Registers the session monitor once for the whole cluster of replicas, at the configured interval. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
class SessionMonitorSchedule {

    private final Scheduler scheduler;
    private final SessionProperties properties;

    SessionMonitorSchedule(Scheduler scheduler, SessionProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws SchedulerException {
        RecurringJobs.register(scheduler, SessionMonitorJob.class, "session-monitor", "session",
                properties.monitorInterval(), Instant.now());
    }
}
