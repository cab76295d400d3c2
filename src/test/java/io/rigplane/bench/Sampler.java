package io.rigplane.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a measurement once a second in the background until closed. */
final class Sampler implements AutoCloseable {

    interface Measurement {
        void take() throws Exception;
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sampler");
        t.setDaemon(true);
        return t;
    });

    Sampler(Measurement measurement) {
        timer.scheduleAtFixedRate(() -> {
            try {
                measurement.take();
            } catch (Exception e) {
                System.err.println("sample failed: " + e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
