package io.rigplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.Replica;
import io.rigplane.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service started with a large first heap (as the JVM's defaults give it on a big machine) gives
 * back what start-up left unused, in a JVM of its own as a user runs it; a heap option given on the
 * command line stays as given.
 */
class HeapTrimTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aStartedServiceReturnsTheHeapStartUpLeftUnused(@TempDir Path logs) throws Exception {
        try (ProxmoxSimulator simulator = ProxmoxSimulator.start(SimulatorSettings.forTests())) {
            Replica.Settings settings = Replica.Settings.of(TestDatabase.another(), simulator)
                    // G1, the JVM's default collector, with a first heap larger than the service needs
                    .jvm("-XX:TieredStopAtLevel=1", "-XX:InitialHeapSize=384m", "-XX:G1PeriodicGCInterval=600000")
                    .with("--rigplane.memory.trim-heap=true");
            try (Replica replica = Replica.launch(settings, logs.resolve("replica.log"))) {
                replica.awaitHealthy(Duration.ofSeconds(300));

                long committed = awaitCommittedHeapBelow(replica.api(), 192 * MIB, Duration.ofSeconds(60));

                assertThat(committed).as("committed heap after start").isLessThan(192 * MIB);
                assertThat(replica.logged())
                        .contains("MinHeapFreeRatio=10", "MaxHeapFreeRatio=30")
                        .as("the interval given on the command line is kept")
                        .doesNotContain("G1PeriodicGCInterval=300000");
            }
        }
    }

    private static long awaitCommittedHeapBelow(Api api, long limit, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long committed = Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            committed = committedHeap(api);
            if (committed < limit) {
                return committed;
            }
            Thread.sleep(500);
        }
        return committed;
    }

    /** The sum over the heap's pools, as an operator reads it on /actuator/prometheus. */
    private static long committedHeap(Api api) {
        Api.Reply metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        return (long) metrics.body().lines()
                .filter(line -> line.startsWith("jvm_memory_committed_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
