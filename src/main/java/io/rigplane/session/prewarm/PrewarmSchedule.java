package io.rigplane.session.prewarm;

import io.rigplane.session.PrewarmJob;
import io.rigplane.system.RecurringJobs;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Registers the pre-warm look once for the whole cluster of replicas ({@code rigplane.prewarm.interval}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrewarmSchedule.PrewarmProperties.class)
class PrewarmSchedule {

    private final Scheduler scheduler;
    private final PrewarmProperties properties;

    PrewarmSchedule(Scheduler scheduler, PrewarmProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws SchedulerException {
        RecurringJobs.register(scheduler, PrewarmJob.class, "prewarm", "session", properties.interval(), Instant.now());
    }

    /** How often warm-ups are planned and followed; a warm-up starts at most this much late. */
    @ConfigurationProperties("rigplane.prewarm")
    record PrewarmProperties(@Nullable Duration interval) {
        PrewarmProperties {
            interval = interval == null ? Duration.ofSeconds(30) : interval;
        }
    }
}
