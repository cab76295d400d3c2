package io.rigplane.session.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What operators watch on /actuator/prometheus: how long people wait for READY, and how sessions
 * end. A rising failure count or time to READY shows up before anyone complains.
 */
@Component
class SessionMetrics {

    private final MeterRegistry registry;
    private final Timer timeToReady;

    SessionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.timeToReady = Timer.builder("rigplane.sessions.time.to.ready")
                .description("from the request to READY, host wake and VM boot included")
                .publishPercentileHistogram().register(registry);
    }

    void ready(Duration waited) {
        timeToReady.record(waited);
    }

    /** A session left the live states: {@code ENDED} or {@code FAILED}. */
    void finished(SessionState state) {
        Counter.builder("rigplane.sessions.finished").tag("state", state.name()).register(registry).increment();
    }
}
