package io.rigplane.operation;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams an operation's changes as server-sent events. It watches the row's version in the
 * database, so it sees the work of every replica, not only this one's.
 */
@Component
class OperationEvents {

    static final Duration POLL = Duration.ofMillis(250);
    static final Duration LIMIT = Duration.ofMinutes(30);

    private final OperationStore store;
    private final ScheduledExecutorService watchers = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "operation-events");
        thread.setDaemon(true);
        return thread;
    });

    OperationEvents(OperationStore store) {
        this.store = store;
    }

    SseEmitter follow(UUID id) {
        SseEmitter emitter = new SseEmitter(LIMIT.toMillis());
        AtomicLong seen = new AtomicLong(-1);
        AtomicReference<ScheduledFuture<?>> watch = new AtomicReference<>();
        watch.set(watchers.scheduleWithFixedDelay(() -> {
            try {
                long version = store.version(id).orElse(seen.get());
                if (version == seen.get()) {
                    return;
                }
                seen.set(version);
                Operation operation = store.find(id).orElseThrow();
                emitter.send(SseEmitter.event().name("operation").id(Long.toString(version))
                        .data(operation, MediaType.APPLICATION_JSON));
                if (operation.state().finished()) {
                    emitter.complete();
                    cancel(watch);
                }
            } catch (IOException | RuntimeException gone) {
                emitter.completeWithError(gone);
                cancel(watch);
            }
        }, 0, POLL.toMillis(), TimeUnit.MILLISECONDS));
        Runnable stop = () -> cancel(watch);
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        return emitter;
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> watch) {
        ScheduledFuture<?> future = watch.get();
        if (future != null) {
            future.cancel(false);
        }
    }

    @PreDestroy
    void stop() {
        watchers.shutdownNow();
    }
}
