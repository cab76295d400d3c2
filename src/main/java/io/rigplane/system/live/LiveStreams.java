package io.rigplane.system.live;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Opens the live streams of the modules, each with its own poller thread, and ends their streams
 * when the replica stops: before the web server's graceful shutdown, which would otherwise wait for
 * streams that never end by themselves, and so that clients resume on another replica.
 */
@Component
public class LiveStreams implements SmartLifecycle {

    private final LiveStreamProperties limits;
    private final MeterRegistry meters;
    private final List<Opened<?>> streams = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    LiveStreams(LiveStreamProperties limits, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
    }

    /**
     * A stream of the source's keys whose poller ticks every {@code poll}; a subscriber's stream
     * ends after {@code timeout}, and its client reconnects with its Last-Event-ID.
     *
     * @param name the kind of stream, in metrics, logs and the poller's thread name
     */
    public synchronized <K> LiveStream<K> open(String name, LiveSource<K> source, Duration poll, Duration timeout) {
        Opened<K> opened = new Opened<>(name, poll);
        opened.stream = new LiveStream<>(name, source, timeout, limits, meters, opened.startPoller());
        streams.add(opened);
        return opened.stream;
    }

    /**
     * Starts the pollers again after {@link #stop()}: Spring's test framework stops the lifecycle of
     * a cached context it is not using and starts it again when a test class needs it.
     */
    @Override
    public synchronized void start() {
        for (Opened<?> opened : streams) {
            if (opened.poller == null) {
                opened.stream.reopen(opened.startPoller());
            }
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        // no interrupt: a poller in the middle of a query finishes it and its tick
        List<Opened<?>> serving = streams.stream().filter(opened -> opened.poller != null).toList();
        serving.forEach(opened -> opened.poller.shutdown());
        for (Opened<?> opened : serving) {
            try {
                opened.poller.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            opened.poller = null;
            opened.stream.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A stream and the poller that serves it while the replica runs. */
    private static final class Opened<K> {

        private final String name;
        private final Duration poll;
        private volatile LiveStream<K> stream;
        private @Nullable ScheduledExecutorService poller;

        Opened(String name, Duration poll) {
            this.name = name;
            this.poll = poll;
        }

        ScheduledExecutorService startPoller() {
            ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, name + "-events");
                thread.setDaemon(true);
                return thread;
            });
            // the stream is set before the first tick: open() assigns it right after this returns
            started.scheduleWithFixedDelay(() -> stream.poll(), poll.toMillis(), poll.toMillis(),
                    TimeUnit.MILLISECONDS);
            poller = started;
            return started;
        }
    }
}
