package io.rigplane.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorControl;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Fifty starts at once for ten profiles sharing two GPUs: one VM per GPU, every request answered. */
@IntegrationTest
class GpuExclusivityUnderLoadTest {

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    ProxmoxClusters clusters;

    @Autowired
    ProfileCatalog catalog;

    @Test
    void fiftyConcurrentStartsNeverPutTwoVmsOnOneGpu() throws Exception {
        Api api = Api.at(port);
        PowerFixtures fixtures = new PowerFixtures(api);
        simulator.faults().clear();
        SimulatorControl.pciMapping(simulator, "load-gpu-a", "node=srv02,path=0000:1a:00,id=10de:2484");
        SimulatorControl.pciMapping(simulator, "load-gpu-b", "node=srv02,path=0000:1b:00,id=10de:2484");
        List<String> profiles = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            profiles.add(fixtures.profile("load" + i, i % 2 == 0 ? "load-gpu-a" : "load-gpu-b", "refuse"));
        }
        // one after the other: concurrent applies may race for the next free VMID (a provisioning matter)
        for (String profile : profiles) {
            JsonNode applied = fixtures.await(fixtures.apply(profile));
            assertThat(applied.get("state").asString()).as(applied.toString()).isEqualTo("SUCCEEDED");
        }

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String profile = profiles.get(i % 10);
            replies.add(pool.submit(() -> {
                go.await();
                return api.post("/api/v1/profiles/" + profile + "/start", null);
            }));
        }
        go.countDown();
        List<String> accepted = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
            Api.Reply answer = reply.get();
            assertThat(answer.status()).as(answer.body()).isIn(202, 409);
            if (answer.status() == 202) {
                accepted.add(answer.json().get("id").asString());
            } else {
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
        pool.shutdown();
        accepted.forEach(id -> assertThat(fixtures.await(id).get("state").asString()).isIn("SUCCEEDED", "FAILED"));

        ProxmoxClient client = clusters.defaultClient();
        Map<String, List<String>> runningPerGpu = new TreeMap<>();
        for (String profile : profiles) {
            int vmid = catalog.get(profile).boundVmid();
            if (client.status("srv02", vmid).running()) {
                runningPerGpu.computeIfAbsent(catalog.get(profile).spec().gpu(), gpu -> new ArrayList<>()).add(profile);
            }
        }
        assertThat(runningPerGpu).containsOnlyKeys("load-gpu-a", "load-gpu-b");
        runningPerGpu.values().forEach(running -> assertThat(running).hasSize(1));
        for (List<String> running : runningPerGpu.values()) {
            JsonNode status = fixtures.status(running.get(0));
            assertThat(status.get("gpu").get("held").asBoolean()).isTrue();
            fixtures.power(running.get(0), "stop");
        }
    }
}
