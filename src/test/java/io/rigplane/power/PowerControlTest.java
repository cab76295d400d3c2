package io.rigplane.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorControl;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Start, stop, shutdown and reboot through the API, idempotent, with one running VM per GPU. */
@IntegrationTest
class PowerControlTest {

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    ProxmoxClusters clusters;

    @Autowired
    ProfileCatalog catalog;

    Api api;
    PowerFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        fixtures = new PowerFixtures(api);
        simulator.faults().clear();
        for (String gpu : new String[] {"c", "d", "e", "f", "g", "h"}) {
            SimulatorControl.pciMapping(simulator, "pw-gpu-" + gpu, "node=srv02,path=0000:0" + gpu + ":00,id=10de:2484");
        }
    }

    @Test
    void startAndStopAreIdempotentAndTheStatusFollows() {
        String name = fixtures.profile("pw-idem", "pw-gpu-c", "refuse");
        fixtures.await(fixtures.apply(name));
        assertThat(fixtures.status(name).get("power").asString()).isEqualTo("stopped");

        JsonNode started = fixtures.power(name, "start");
        assertThat(started.get("state").asString()).as(started.toString()).isEqualTo("SUCCEEDED");
        assertThat(started.get("steps").get(0).get("upid").asString()).contains(":qmstart:");
        JsonNode running = fixtures.status(name);
        assertThat(running.get("power").asString()).isEqualTo("running");
        assertThat(running.get("gpu").get("held").asBoolean()).isTrue();
        assertThat(running.get("nodeState").asString()).isEqualTo("online");

        JsonNode again = fixtures.power(name, "start");
        assertThat(again.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("steps").get(0).get("state").asString()).isEqualTo("SKIPPED");

        JsonNode stopped = fixtures.power(name, "stop");
        assertThat(stopped.get("state").asString()).as(stopped.toString()).isEqualTo("SUCCEEDED");
        JsonNode stoppedAgain = fixtures.power(name, "stop");
        assertThat(stoppedAgain.get("steps")).hasSize(1);
        assertThat(stoppedAgain.get("steps").get(0).get("state").asString()).isEqualTo("SKIPPED");
        JsonNode status = fixtures.status(name);
        assertThat(status.get("power").asString()).isEqualTo("stopped");
        assertThat(status.get("gpu").get("held").asBoolean()).isFalse();
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameOperation() {
        String name = fixtures.profile("pw-key", "pw-gpu-f", "refuse");
        fixtures.await(fixtures.apply(name));
        Api.Reply first = api.post("/api/v1/profiles/" + name + "/start", null, "Idempotency-Key", "start-" + name);
        fixtures.await(first.json().get("id").asString());
        Api.Reply second = api.post("/api/v1/profiles/" + name + "/start", null, "Idempotency-Key", "start-" + name);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        fixtures.power(name, "stop");
    }

    @Test
    void aSecondProfileOnTheSameGpuIsRefusedNamingTheHolderOrPreemptsIt() {
        String holder = fixtures.profile("pw-holder", "pw-gpu-e", "refuse");
        String refused = fixtures.profile("pw-refused", "pw-gpu-e", "refuse");
        String preempting = fixtures.profile("pw-preempt", "pw-gpu-e", "preempt");
        fixtures.await(fixtures.apply(holder));
        fixtures.await(fixtures.apply(refused));
        fixtures.await(fixtures.apply(preempting));
        fixtures.power(holder, "start");
        awaitGuest(holder);

        Api.Reply conflict = api.post("/api/v1/profiles/" + refused + "/start", null);
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().get("holder").asString()).isEqualTo(holder);
        assertThat(conflict.json().get("detail").asString()).contains(holder);

        JsonNode preempted = fixtures.power(preempting, "start");
        assertThat(preempted.get("state").asString()).as(preempted.toString()).isEqualTo("SUCCEEDED");
        assertThat(preempted.toString()).contains("shut down " + holder);
        assertThat(fixtures.status(holder).get("power").asString()).isEqualTo("stopped");
        assertThat(fixtures.status(preempting).get("power").asString()).isEqualTo("running");
        assertThat(fixtures.status(holder).get("gpu").get("holder").asString()).isEqualTo(preempting);
        fixtures.power(preempting, "stop");
    }

    @Test
    void aVmStoppedOutsideRigplaneFreesItsGpu() {
        String first = fixtures.profile("pw-out-a", "pw-gpu-g", "refuse");
        String second = fixtures.profile("pw-out-b", "pw-gpu-g", "refuse");
        fixtures.await(fixtures.apply(first));
        fixtures.await(fixtures.apply(second));
        fixtures.power(first, "start");
        ProxmoxClient client = clusters.defaultClient();
        int vmid = catalog.get(first).boundVmid();
        client.await(client.stop("srv02", vmid), Duration.ofSeconds(30));

        // reading the status notices the stop and gives the GPU back
        assertThat(fixtures.status(first).get("gpu").get("held").asBoolean()).isFalse();
        JsonNode started = fixtures.power(second, "start");
        assertThat(started.get("state").asString()).as(started.toString()).isEqualTo("SUCCEEDED");
        fixtures.power(second, "stop");
    }

    @Test
    void shutdownIsGracefulAndRebootAppliesPendingChanges() {
        String name = fixtures.profile("pw-reboot", "pw-gpu-d", "refuse");
        fixtures.await(fixtures.apply(name));
        fixtures.power(name, "start");
        awaitGuest(name);
        Api.Reply updated = api.put("/api/v1/profiles/" + name, """
                {"name": "%s", "node": "srv02", "platform": "windows-11-gaming", "cores": 6, "memoryMiB": 8192,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "gpu": "pw-gpu-d", "shutdownTimeoutSeconds": 5}""".formatted(name));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        fixtures.await(fixtures.apply(name));
        assertThat(fixtures.status(name).get("pendingChanges").toString()).contains("cores");

        JsonNode rebooted = fixtures.power(name, "reboot");
        assertThat(rebooted.get("state").asString()).as(rebooted.toString()).isEqualTo("SUCCEEDED");
        assertThat(rebooted.get("summary").asString()).contains("no pending changes remain");
        assertThat(fixtures.status(name).get("pendingChanges")).isEmpty();
        awaitGuest(name);

        JsonNode shutdown = fixtures.power(name, "shutdown");
        assertThat(shutdown.get("state").asString()).as(shutdown.toString()).isEqualTo("SUCCEEDED");
        assertThat(shutdown.toString()).contains("shut down VM");
        assertThat(fixtures.status(name).get("power").asString()).isEqualTo("stopped");
    }

    @Test
    void aProfileWithoutAVmCannotStart() {
        String name = fixtures.profile("pw-novm", "pw-gpu-h", "refuse");
        Api.Reply reply = api.post("/api/v1/profiles/" + name + "/start", null);
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("detail").asString()).contains("apply it first");
        assertThat(api.post("/api/v1/profiles/absent-profile/start", null).status()).isEqualTo(404);
    }

    private void awaitGuest(String name) {
        ProxmoxClient client = clusters.defaultClient();
        int vmid = catalog.get(name).boundVmid();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!client.agentPing("srv02", vmid) && System.nanoTime() < deadline) {
            PowerFixtures.sleep(100);
        }
    }
}
