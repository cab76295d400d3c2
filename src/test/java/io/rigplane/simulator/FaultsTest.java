package io.rigplane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsTest extends SimulatorTestBase {

    private List<Integer> statuses(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(api.get(vmPath(100) + "/status/current").status());
        }
        return out;
    }

    @Test
    void errorInjectionIsDeterministicForASeed() {
        assertThat(api.send("POST", "/simulator/faults", Json.write(Map.of("seed", 7, "errorRate", 0.5, "errorStatus", 596)),
                "application/json").status()).isEqualTo(200);
        List<Integer> first = statuses(30);
        assertThat(first).contains(200, 596).containsOnly(200, 596);
        api.send("POST", "/simulator/faults", Json.write(Map.of("seed", 7)), "application/json");
        assertThat(statuses(30)).isEqualTo(first);
        api.send("POST", "/simulator/faults", Json.write(Map.of("seed", 8)), "application/json");
        assertThat(statuses(30)).isNotEqualTo(first);
        assertThat(api.send("POST", "/simulator/faults", Json.write(Map.of("bogus", 1)), "application/json").status())
                .isEqualTo(400);
    }

    @Test
    void latencyTaskFailuresAndTaskDurationsCanBeInjected() {
        sim.faults().latencyMillis(150);
        long t0 = System.nanoTime();
        api.get("/version");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(150);
        sim.faults().latencyMillis(0).taskFailureRate(1.0);
        api.runTask(api.post(vmPath(100) + "/status/start"), "start failed: simulated failure (fault injection)");
        sim.faults().taskFailureRate(0).taskMillis(600L);
        long s0 = System.nanoTime();
        api.runTask(api.post(vmPath(100) + "/status/start"), "OK");
        assertThat((System.nanoTime() - s0) / 1_000_000).isGreaterThanOrEqualTo(600);
    }

    @Test
    void resetRestoresTheClusterAndClearsCountersAndFaults() {
        api.runTask(api.post(vmPath(100) + "/snapshot", "snapname", "s1"), "OK");
        api.runTask(api.delete(vmPath(100) + "/snapshot/s1"), "OK");
        api.send("POST", "/simulator/faults", Json.write(Map.of("offlineNodes", List.of("srv03"), "latencyMillis", 5)),
                "application/json");
        assertThat(api.get("/simulator/destructive-calls").body()).containsEntry("count", 1);
        assertThat(sim.isNodeOnline("srv03")).isFalse();

        assertThat(api.send("POST", "/simulator/reset", "", null).status()).isEqualTo(200);
        assertThat(api.get("/simulator/destructive-calls").body()).containsEntry("count", 0);
        assertThat(sim.isNodeOnline("srv03")).isTrue();
        assertThat(api.get("/simulator/faults").body()).containsEntry("latencyMillis", 0);
        assertThat(api.get(vmPath(100) + "/snapshot").dataList()).hasSize(1);
    }

    @Test
    void taskCountsTellHowOftenEachActionRanPerVmUntilReset() {
        api.runTask(api.post(vmPath(100) + "/status/start"), "OK");
        api.runTask(api.post(vmPath(100) + "/status/stop"), "OK");
        api.runTask(api.post(vmPath(100) + "/status/start"), "OK");

        Map<String, Object> counts = api.get("/simulator/task-counts").body();
        assertThat(counts.get("total")).isEqualTo(Map.of("qmstart", 2, "qmstop", 1));
        assertThat(counts.get("byVm")).isEqualTo(Map.of("qmstart", Map.of("100", 2), "qmstop", Map.of("100", 1)));
        assertThat(sim.taskCounts().of("qmstart")).isEqualTo(2);

        sim.reset();
        assertThat(sim.taskCounts().total()).isEmpty();
    }
}
