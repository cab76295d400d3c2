package io.rigplane.system.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One kind of live stream on this replica: its subscribers, and the poller that serves them all.
 * Each tick asks the source once where every followed key stands and reads each key that moved
 * once, whatever the number of its subscribers; with no subscriber it asks nothing. Everything a
 * subscriber is sent is sent from the poller's single thread, so no two writes to one stream meet.
 */
public final class LiveStream<K> {

    /** The {@code Last-Event-ID} of a client that has seen nothing yet; every event id is above it. */
    public static final long NOTHING_SEEN = -1;

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final String name;
    private final LiveSource<K> source;
    private final Duration timeout;
    private final LiveStreamProperties limits;
    private volatile Executor poller;
    private final Map<K, Set<Subscriber<K>>> subscribers = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Counter polls;
    private final Counter reads;

    /**
     * @param poller runs every read and send of this stream, one at a time; {@link #poll()} must be
     *     run on it as well
     */
    LiveStream(String name, LiveSource<K> source, Duration timeout, LiveStreamProperties limits, MeterRegistry meters,
            Executor poller) {
        this.name = name;
        this.source = source;
        this.timeout = timeout;
        this.limits = limits;
        this.poller = poller;
        this.polls = Counter.builder("rigplane.live.polls").tag("stream", name)
                .description("queries of where the followed keys stand: one a tick while anyone follows")
                .register(meters);
        this.reads = Counter.builder("rigplane.live.reads").tag("stream", name)
                .description("reads of one key's events: one for each key that moved, whatever its followers")
                .register(meters);
        Gauge.builder("rigplane.live.subscribers", count, AtomicInteger::get).tag("stream", name)
                .description("streams open on this replica").register(meters);
    }

    /**
     * Follows the key, starting after the event whose id the client last saw ({@code Last-Event-ID};
     * missing, unreadable or unknown: from the start). The stream ends after the key finishes.
     *
     * @throws TooManyStreamsException when this replica serves as many streams of this kind as it may
     */
    public SseEmitter subscribe(K key, @Nullable String lastEventId) {
        return subscribe(key, lastEventId, new SseEmitter(timeout.toMillis()));
    }

    SseEmitter subscribe(K key, @Nullable String lastEventId, SseEmitter emitter) {
        if (count.incrementAndGet() > limits.maxSubscribers()) {
            count.decrementAndGet();
            throw new TooManyStreamsException(name, limits.maxSubscribers());
        }
        Subscriber<K> subscriber = new Subscriber<>(key, emitter, lastSeen(lastEventId));
        subscribers.compute(key, (k, audience) -> {
            Set<Subscriber<K>> set = audience != null ? audience : ConcurrentHashMap.newKeySet();
            set.add(subscriber);
            return set;
        });
        emitter.onCompletion(() -> forget(subscriber));
        emitter.onTimeout(() -> {
            // the client reconnects with Last-Event-ID and misses nothing
            forget(subscriber);
            emitter.complete();
        });
        emitter.onError(error -> forget(subscriber));
        try {
            if (closed.get()) {
                throw new RejectedExecutionException("closed");
            }
            poller.execute(() -> refresh(key));
        } catch (RejectedExecutionException stopping) {
            // this replica is shutting down: an empty stream sends the client to another one
            forget(subscriber);
            emitter.complete();
        }
        return emitter;
    }

    /** One tick: where every followed key stands, then each key that moved is read once and fanned out. */
    void poll() {
        try {
            if (subscribers.isEmpty()) {
                return;
            }
            Set<K> keys = Set.copyOf(subscribers.keySet());
            Map<K, Long> positions = source.positions(keys);
            polls.increment();
            for (K key : keys) {
                Long position = positions.get(key);
                // a key left out may be gone: its read says so, and ends its streams
                if (position == null || subscribers.getOrDefault(key, Set.of()).stream()
                        .anyMatch(subscriber -> subscriber.lastSeen < position)) {
                    refresh(key);
                }
            }
            heartbeats();
        } catch (RuntimeException e) {
            // the database may be restarting: the streams stay open and the next tick tries again
            log.warn("Could not poll the {} streams: {}", name, e.toString());
        }
    }

    /** Serves subscribers again, on a new poller, after {@link #close()}. */
    void reopen(Executor newPoller) {
        poller = newPoller;
        closed.set(false);
    }

    /** Ends every stream, so that clients reconnect (to another replica) with their Last-Event-ID. */
    void close() {
        closed.set(true);
        subscribers.values().forEach(audience -> audience.forEach(subscriber -> {
            forget(subscriber);
            subscriber.emitter.complete();
        }));
    }

    int subscribers() {
        return count.get();
    }

    private void refresh(K key) {
        Set<Subscriber<K>> audience = subscribers.get(key);
        if (audience == null || audience.isEmpty()) {
            return;
        }
        Optional<LiveHistory> history;
        try {
            history = source.read(key);
            reads.increment();
        } catch (RuntimeException e) {
            log.warn("Could not read {} {}: {}", name, key, e.toString());
            return;
        }
        for (Subscriber<K> subscriber : audience) {
            if (history.isPresent()) {
                deliver(subscriber, history.get());
            } else {
                forget(subscriber);
                subscriber.emitter.complete();
            }
        }
    }

    private void deliver(Subscriber<K> subscriber, LiveHistory history) {
        if (subscriber.lastSeen > history.newest()) {
            // an id this key never gave (another key's, or made up): start over rather than wait for it
            subscriber.lastSeen = NOTHING_SEEN;
        }
        try {
            for (LiveEvent event : history.events()) {
                if (event.id() > subscriber.lastSeen) {
                    subscriber.emitter.send(SseEmitter.event().name(event.name()).id(Long.toString(event.id()))
                            .data(event.data(), MediaType.APPLICATION_JSON));
                    subscriber.lastSeen = event.id();
                    subscriber.wrote();
                }
            }
            if (history.finished()) {
                forget(subscriber);
                subscriber.emitter.complete();
            }
        } catch (IOException | RuntimeException gone) {
            forget(subscriber);
            subscriber.emitter.completeWithError(gone);
        }
    }

    private void heartbeats() {
        long due = System.nanoTime() - limits.heartbeat().toNanos();
        for (Set<Subscriber<K>> audience : List.copyOf(subscribers.values())) {
            for (Subscriber<K> subscriber : audience) {
                if (subscriber.lastWrite - due <= 0) {
                    try {
                        subscriber.emitter.send(SseEmitter.event().comment("keep-alive"));
                        subscriber.wrote();
                    } catch (IOException | RuntimeException gone) {
                        forget(subscriber);
                        subscriber.emitter.completeWithError(gone);
                    }
                }
            }
        }
    }

    private void forget(Subscriber<K> subscriber) {
        if (!subscriber.gone.compareAndSet(false, true)) {
            return;
        }
        count.decrementAndGet();
        subscribers.computeIfPresent(subscriber.key, (key, audience) -> {
            audience.remove(subscriber);
            return audience.isEmpty() ? null : audience;
        });
    }

    static long lastSeen(@Nullable String lastEventId) {
        if (lastEventId == null) {
            return NOTHING_SEEN;
        }
        try {
            return Math.max(NOTHING_SEEN, Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException notOurs) {
            return NOTHING_SEEN;
        }
    }

    private static final class Subscriber<K> {
        final K key;
        final SseEmitter emitter;
        final AtomicBoolean gone = new AtomicBoolean();
        volatile long lastSeen;
        volatile long lastWrite = System.nanoTime();

        Subscriber(K key, SseEmitter emitter, long lastSeen) {
            this.key = key;
            this.emitter = emitter;
            this.lastSeen = lastSeen;
        }

        void wrote() {
            lastWrite = System.nanoTime();
        }
    }
}
