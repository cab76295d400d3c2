package io.rigplane.system.live;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final List<LiveStream<?>> streams = new CopyOnWriteArrayList<>();
    private final List<ScheduledExecutorService> pollers = new CopyOnWriteArrayList<>();
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
    public <K> LiveStream<K> open(String name, LiveSource<K> source, Duration poll, Duration timeout) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-events");
            thread.setDaemon(true);
            return thread;
        });
        LiveStream<K> stream = new LiveStream<>(name, source, timeout, limits, meters, poller);
        poller.scheduleWithFixedDelay(stream::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        streams.add(stream);
        pollers.add(poller);
        return stream;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        // no interrupt: a poller in the middle of a query finishes it and its tick
        pollers.forEach(ScheduledExecutorService::shutdown);
        for (ScheduledExecutorService poller : pollers) {
            try {
                poller.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        streams.forEach(LiveStream::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
