package io.rigplane.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorControl;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The one way to a profile's VM: a handle with where the VM is and its cluster's client, and the
 * same clear vm-missing problem from every module once the VM is gone.
 */
@IntegrationTest
class ProfileVmsTest {

    private static final String NO_VM = "has no VM yet; apply it first";

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    ProfileVms vms;

    @Autowired
    ProfileCatalog catalog;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        simulator.faults().clear();
    }

    @Test
    void theHandleSaysWhereTheVmIsAndReadsItThroughItsClustersClient() {
        String name = applied("handle");

        VmHandle vm = vms.require(name);

        assertThat(vm.profile()).isEqualTo(name);
        assertThat(vm.node()).isEqualTo("srv02");
        assertThat(vm.vmid()).isEqualTo(catalog.get(name).boundVmid());
        assertThat(vm.cluster()).isEqualTo(vm.client().clusterId());
        assertThat(vm.running()).isFalse();
        assertThat(vm.status().vmid()).isEqualTo(vm.vmid());
        assertThat(vm.configValue("tags")).contains(catalog.get(name).identityTag());
        assertThat(vm.configValue("no-such-key")).isNull();
        assertThat(vms.find(name)).contains(vm);
    }

    @Test
    void aProfileWhoseVmIsGoneGetsTheVmMissingProblemEverywhere() {
        String name = applied("gone");
        SimulatorControl.destroyVm(simulator, "srv02", catalog.get(name).boundVmid());

        assertThat(vms.find(name)).isEmpty();
        assertThatThrownBy(() -> vms.require(name)).isInstanceOf(VmMissingException.class).hasMessageContaining(NO_VM);

        String profile = "/api/v1/profiles/" + name;
        assertVmMissing(api.post(profile + "/start", null));
        assertVmMissing(api.get(profile + "/snapshots"));
        assertVmMissing(api.post(profile + "/snapshots", "{}"));
        assertVmMissing(api.delete(profile + "/snapshots/before-update?confirm=before-update"));
        assertVmMissing(api.post(profile + "/snapshots/before-update/rollback", "{\"confirm\": \"before-update\"}"));

        // a stop or a reboot is queued without a look at the VM; its operation fails with the same words
        for (String action : new String[] {"stop", "reboot"}) {
            Api.Reply accepted = api.post(profile + "/" + action, null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            JsonNode operation = api.awaitOperation(accepted.json().get("id").asString(), Duration.ofSeconds(60));
            assertThat(operation.get("state").asString()).as(operation.toString()).isEqualTo("FAILED");
            assertThat(operation.get("error").asString()).contains(NO_VM);
        }

        // a session fails with the reason, and the power status tells the VM is not there
        Api.Reply opened = api.post("/api/v1/sessions", "{\"profile\": \"" + name + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        JsonNode session = awaitSessionEnd(opened.json().get("id").asString());
        assertThat(session.get("state").asString()).as(session.toString()).isEqualTo("FAILED");
        assertThat(session.get("reason").asString()).contains(NO_VM);
        JsonNode status = api.get(profile + "/status").json();
        assertThat(status.path("vmid").isIntegralNumber()).as(status.toString()).isFalse();
    }

    @Test
    void aPlanFindsAVmThatMovedToAnotherNodeAndReadsItThere() {
        String name = applied("moved");
        int vmid = catalog.get(name).boundVmid();
        SimulatorControl.migrateVm(simulator, "srv02", vmid, "srv03");

        Api.Reply plan = api.get("/api/v1/profiles/" + name + "/plan");

        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        JsonNode body = plan.json();
        assertThat(body.get("node").asString()).isEqualTo("srv03");
        assertThat(body.get("vmid").asInt()).isEqualTo(vmid);
        assertThat(body.get("exists").asBoolean()).isTrue();
        assertThat(body.get("running").asBoolean()).isFalse();
        assertThat(body.get("changes").size()).as(body.toString()).isZero();
    }

    @Test
    void aPlanReadsTheVmsPendingChangesAndStatusWhileItsConfigIsRead() {
        String name = applied("together");
        long latency = 1000;
        simulator.faults().latencyMillis(latency);
        try {
            long started = System.nanoTime();
            Api.Reply plan = api.get("/api/v1/profiles/" + name + "/plan");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(plan.status()).as(plan.body()).isEqualTo(200);
            assertThat(plan.json().get("node").asString()).isEqualTo("srv02");
            // config, pending changes and status one after another take at least three latencies; side by side one
            assertThat(took).isLessThan(Duration.ofMillis(latency * 2));
        } finally {
            simulator.faults().latencyMillis(0);
        }
    }

    private static void assertVmMissing(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).endsWith("/vm-missing");
        assertThat(reply.json().get("detail").asString()).contains(NO_VM);
    }

    private String applied(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv02", "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 8192,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "shutdownTimeoutSeconds": 5}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Reply apply = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(apply.status()).as(apply.body()).isEqualTo(202);
        JsonNode done = api.awaitOperation(apply.json().get("id").asString(), Duration.ofSeconds(60));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return name;
    }

    private JsonNode awaitSessionEnd(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode session = api.get("/api/v1/sessions/" + id).json();
        while (!session.get("state").asString().matches("FAILED|ENDED") && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            session = api.get("/api/v1/sessions/" + id).json();
        }
        return session;
    }
}
