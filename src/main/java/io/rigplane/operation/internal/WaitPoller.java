package io.rigplane.operation.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Looks, on a few threads of this replica, at what paused operations wait for (a task, a node's boot),
 * and fires an operation again as soon as its wait is over, instead of a Quartz thread sleeping
 * through it. Only a hint: the firing itself decides, and the trigger's {@code recheck} carries the
 * operation on when this replica dies or a look is lost.
 */
@Component
@EnableConfigurationProperties(WaitProperties.class)
public class WaitPoller {

    private static final Logger log = LoggerFactory.getLogger(WaitPoller.class);
    /** A long wait is looked at less often, so hundreds of them do not flood the cluster. */
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    private static final Duration SLOWEST = Duration.ofSeconds(2);

    private final WaitTriggers triggers;
    private final ScheduledExecutorService looks;
    private final Map<UUID, Watch> watched = new ConcurrentHashMap<>();

    WaitPoller(WaitTriggers triggers, WaitProperties properties) {
        this.triggers = triggers;
        AtomicInteger count = new AtomicInteger();
        this.looks = Executors.newScheduledThreadPool(properties.pollerThreads(), runnable -> {
            Thread thread = new Thread(runnable, "operation-waits-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Looks at the operation's wait every interval from now on, replacing an earlier watch of it. */
    void watch(UUID id, OperationPause pause) {
        Watch watch = new Watch(pause, System.nanoTime());
        watched.put(id, watch);
        next(id, watch, pause.interval());
    }

    /** The operation goes on or finished here: no more looks. */
    void forget(UUID id) {
        watched.remove(id);
    }

    private void next(UUID id, Watch watch, Duration after) {
        try {
            looks.schedule(() -> look(id, watch, after), after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            watched.remove(id, watch);
        }
    }

    private void look(UUID id, Watch watch, Duration interval) {
        if (watched.get(id) != watch) {
            return;
        }
        boolean ready;
        try {
            ready = watch.pause().ready().ready();
        } catch (Exception failed) {
            // the firing looks again itself and fails the step with the reason
            ready = true;
        }
        if (!ready) {
            boolean longWait = System.nanoTime() - watch.since() > LONG_WAIT.toNanos();
            next(id, watch, longWait && interval.compareTo(SLOWEST) < 0 ? atMost(interval.multipliedBy(2), SLOWEST)
                    : interval);
            return;
        }
        if (!watched.remove(id, watch)) {
            return;
        }
        try {
            triggers.now(id);
        } catch (Exception e) {
            log.debug("Operation {}: could not fire it at once ({}); its recheck carries it on", id, e.toString());
        }
    }

    private static Duration atMost(Duration grown, Duration cap) {
        return grown.compareTo(cap) > 0 ? cap : grown;
    }

    @PreDestroy
    void close() {
        looks.shutdownNow();
    }

    private record Watch(OperationPause pause, long since) {
    }
}
