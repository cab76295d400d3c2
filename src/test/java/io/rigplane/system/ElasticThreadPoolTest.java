package io.rigplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Threads for bursts of work (sessions driven to READY) that end when the burst is over. */
class ElasticThreadPoolTest {

    @Test
    void runsABurstOnAsManyThreadsAsItNeedsAndLetsThemEndWhenIdle() throws Exception {
        ThreadPoolExecutor pool = ElasticThreadPool.of("burst", 4, Duration.ofMillis(100));
        try {
            CountDownLatch allStarted = new CountDownLatch(4);
            CountDownLatch release = new CountDownLatch(1);
            Set<String> names = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 4; i++) {
                pool.execute(() -> {
                    Thread thread = Thread.currentThread();
                    names.add(thread.getName() + (thread.isDaemon() ? "" : " (keeps the JVM running)"));
                    allStarted.countDown();
                    await(release);
                });
            }
            assertThat(allStarted.await(5, TimeUnit.SECONDS)).as("4 tasks at once on 4 threads").isTrue();
            assertThat(names).containsExactlyInAnyOrder("burst-1", "burst-2", "burst-3", "burst-4");
            release.countDown();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (pool.getPoolSize() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(pool.getPoolSize()).as("threads left after the burst").isZero();

            CountDownLatch later = new CountDownLatch(1);
            pool.execute(later::countDown);
            assertThat(later.await(5, TimeUnit.SECONDS)).as("work after the threads ended").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void queuesWhatIsBeyondItsThreadsAndRunsItAll() throws Exception {
        ThreadPoolExecutor pool = ElasticThreadPool.of("busy", 2, Duration.ofSeconds(1));
        try {
            CountDownLatch done = new CountDownLatch(10);
            for (int i = 0; i < 10; i++) {
                pool.execute(() -> {
                    sleep(20);
                    done.countDown();
                });
            }
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(pool.getLargestPoolSize()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
