package io.rigplane.session.internal;

import io.rigplane.session.SessionTakenOver;
import io.rigplane.system.ElasticThreadPool;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Drives sessions from REQUESTED to READY on threads of its own (not Quartz's, whose few threads
 * run the power operations a session waits for). A replica holds a lease on each session it
 * drives and renews it while alive; the monitor hands a session whose lease ran out to a replica
 * that is alive, which carries on from the state the session is in.
 */
@Component
class SessionDriver {

    private static final Logger log = LoggerFactory.getLogger(SessionDriver.class);

    private final SessionStore store;
    private final SessionJourney journey;
    private final SessionProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final Set<UUID> driving = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Thread> running = new ConcurrentHashMap<>();
    private final ExecutorService threads;
    private final ScheduledExecutorService leases;

    SessionDriver(SessionStore store, SessionJourney journey, SessionProperties properties, Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
        this.journey = journey;
        this.properties = properties;
        this.clock = clock;
        this.threads = ElasticThreadPool.of("session-driver", properties.driverThreads(), properties.driverIdle());
        this.leases = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "session-leases");
            thread.setDaemon(true);
            return thread;
        });
        long renew = Math.max(1, properties.driverLease().toMillis() / 3);
        leases.scheduleWithFixedDelay(this::renewLeases, renew, renew, TimeUnit.MILLISECONDS);
    }

    /** Starts driving the session here, unless this replica or another one already does. */
    void drive(UUID id) {
        drive(id, false);
    }

    /**
     * Like {@link #drive(UUID)}, for a session just opened: {@code gpuFree} when the opening found the
     * GPU it wants free, so its first start need not look again.
     */
    void drive(UUID id, boolean gpuFree) {
        if (driving.add(id)) {
            try {
                threads.execute(() -> run(id, gpuFree));
            } catch (RejectedExecutionException shuttingDown) {
                // not held by this replica after all: its lease lapses and another replica adopts it
                driving.remove(id);
            }
        }
    }

    /** Stops driving a session that ended (on this replica; another one notices by itself). */
    void stop(UUID id) {
        Thread thread = running.get(id);
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Sessions whose driver died take their next step here. */
    void adoptOrphans() {
        for (UUID id : store.orphans(staleBefore(clock.instant()))) {
            drive(id);
        }
    }

    private void run(UUID id, boolean gpuFree) {
        Thread.interrupted();
        running.put(id, Thread.currentThread());
        try {
            Instant now = clock.instant();
            Optional<SessionStore.Lease> lease = store.takeLease(id, name, now, staleBefore(now));
            if (lease.isPresent()) {
                String before = lease.get().before();
                if (before != null && !before.equals(name)) {
                    log.info("Session {} on {} taken over from {}", id, lease.get().profile(), before);
                    events.publishEvent(new SessionTakenOver(id, lease.get().profile()));
                }
                journey.travel(id, gpuFree);
            }
        } catch (RuntimeException e) {
            log.warn("Session {} could not be driven: {}", id, e.toString());
        } finally {
            running.remove(id);
            driving.remove(id);
            Thread.interrupted();
        }
    }

    private void renewLeases() {
        try {
            Instant now = clock.instant();
            driving.forEach(id -> store.lease(id, name, now, staleBefore(now)));
        } catch (RuntimeException e) {
            log.warn("Could not renew session leases: {}", e.toString());
        }
    }

    private Instant staleBefore(Instant now) {
        return now.minus(properties.driverLease());
    }

    @PreDestroy
    void close() {
        leases.shutdownNow();
        threads.shutdownNow();
    }
}
