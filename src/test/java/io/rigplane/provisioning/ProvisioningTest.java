package io.rigplane.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.RenderedConfig;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Profiles become VMs on the simulator over HTTPS, and stay so, without losing anything. */
@IntegrationTest
class ProvisioningTest {

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    ProxmoxClusters clusters;

    @Autowired
    ProfileCatalog catalog;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        simulator.faults().clear();
    }

    @Test
    void aProfileBecomesAVmThatMatchesItsRenderedConfigKeyByKey() {
        String name = create("gaming-" + suffix(), 500);
        JsonNode plan = api.get("/api/v1/profiles/" + name + "/plan").json();
        assertThat(plan.get("exists").asBoolean()).isFalse();
        assertThat(plan.get("changes")).allMatch(change -> change.get("effect").asString().equals("CREATE"));

        JsonNode operation = applyAndWait(name, false);

        assertThat(operation.get("state").asString()).as(operation.toString()).isEqualTo("SUCCEEDED");
        assertThat(operation.get("summary").asString()).startsWith("Created VM");
        int vmid = catalog.get(name).boundVmid();
        ProxmoxClient client = clusters.defaultClient();
        Map<String, String> stored = client.config("srv02", vmid).values();
        RenderedConfig rendered = catalog.render(catalog.get(name).spec().withVmid(vmid));
        rendered.entries().stream().filter(entry -> !entry.key().matches("tags|net0")).forEach(entry ->
                assertThat(stored.get(entry.key())).as(entry.key()).isEqualTo(entry.value()));
        // the profile leaves the MAC to Proxmox, which picks one of its own prefix
        assertThat(stored.get("net0")).matches("virtio=BC:24:11:[0-9A-F:]{8},bridge=vmbr0");
        assertThat(stored.get("tags")).contains("rigplane-" + catalog.get(name).id());
        assertThat(api.get("/api/v1/profiles/" + name + "/plan").json().get("changes")).isEmpty();
    }

    @Test
    void aSecondApplyPlansAndDoesNothing() {
        String name = create("again-" + suffix(), 100);
        applyAndWait(name, false);
        int destructive = simulator.destructiveCallCount();

        JsonNode second = applyAndWait(name, false);

        assertThat(second.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(second.get("summary").asString()).contains("already matched");
        assertThat(second.get("steps")).isEmpty();
        assertThat(simulator.destructiveCallCount()).isEqualTo(destructive);
    }

    @Test
    void growsDisksAndChangesCoresButRefusesToShrink() {
        String name = create("grow-" + suffix(), 100);
        applyAndWait(name, false);
        update(name, 6, 150);

        JsonNode plan = api.get("/api/v1/profiles/" + name + "/plan").json();
        assertThat(change(plan, "cores").get("effect").asString()).isEqualTo("LIVE");
        assertThat(change(plan, "scsi1").get("action").asString()).isEqualTo("RESIZE");
        JsonNode applied = applyAndWait(name, false);
        assertThat(applied.get("state").asString()).as(applied.toString()).isEqualTo("SUCCEEDED");
        assertThat(api.get("/api/v1/profiles/" + name + "/plan").json().get("changes")).isEmpty();

        update(name, 6, 120);
        JsonNode shrink = api.get("/api/v1/profiles/" + name + "/plan").json();
        assertThat(change(shrink, "scsi1").get("effect").asString()).isEqualTo("REFUSED");
        assertThat(change(shrink, "scsi1").get("reason").asString()).contains("shrinking a disk destroys data");
        JsonNode refused = applyAndWait(name, false);
        assertThat(refused.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(refused.get("summary").asString()).contains("refused").contains("scsi1");
        int vmid = catalog.get(name).boundVmid();
        assertThat(clusters.defaultClient().config("srv02", vmid).get("scsi1")).contains("size=150G");
    }

    @Test
    void onARunningVmRestartChangesStayPendingUnlessARebootIsAsked() {
        String name = create("live-" + suffix(), 100);
        applyAndWait(name, false);
        int vmid = catalog.get(name).boundVmid();
        ProxmoxClient client = clusters.defaultClient();
        client.await(client.start("srv02", vmid), Duration.ofSeconds(30));
        // Windows answers a reboot request only once it has booted, as on real hardware
        long booted = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!client.agentPing("srv02", vmid) && System.nanoTime() < booted) {
            sleep(100);
        }
        update(name, 4, 100);

        JsonNode plan = api.get("/api/v1/profiles/" + name + "/plan").json();
        assertThat(plan.get("running").asBoolean()).isTrue();
        assertThat(change(plan, "cores").get("effect").asString()).isEqualTo("PENDING_RESTART");
        JsonNode pending = applyAndWait(name, false);
        assertThat(pending.get("summary").asString()).contains("pending until the next stop/start: cores");
        assertThat(api.get("/api/v1/profiles/" + name + "/plan").json().get("pendingOnVm").toString())
                .contains("cores");

        JsonNode rebooted = applyAndWait(name, true);
        assertThat(rebooted.get("summary").asString()).doesNotContain("pending");
        assertThat(client.currentConfig("srv02", vmid).get("cores")).isEqualTo("4");
        client.await(client.stop("srv02", vmid), Duration.ofSeconds(30));
    }

    @Test
    void aSecondApplyWhileOneRunsIsAConflictNamingIt() {
        String name = create("busy-" + suffix(), 100);
        Api.Reply first = api.post("/api/v1/profiles/" + name + "/apply", null);
        Api.Reply second = api.post("/api/v1/profiles/" + name + "/apply", null);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("/api/v1/operations/"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("operationId").asString()).isEqualTo(first.json().get("id").asString());
        api.awaitOperation(first.json().get("id").asString(), Duration.ofSeconds(60));
    }

    @Test
    void concurrentCreatesEachGetAVmidOfTheirOwn() {
        String run = suffix();
        List<String> operations = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String name = create("many-" + run + "-" + i, 10);
            operations.add(api.post("/api/v1/profiles/" + name + "/apply", null).json().get("id").asString());
        }

        List<JsonNode> outcomes = operations.stream().map(id -> api.awaitOperation(id, Duration.ofSeconds(120))).toList();

        assertThat(outcomes).allSatisfy(operation ->
                assertThat(operation.get("state").asString()).as(operation.toString()).isEqualTo("SUCCEEDED"));
        List<Integer> vmids = outcomes.stream().map(operation -> catalog.get(operation.get("target").asString())
                .boundVmid()).toList();
        assertThat(vmids).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void aFailedCreateGivesItsVmidBackForTheNextProfile() {
        String failing = create("unlucky-" + suffix(), 10);
        String next = create("next-" + suffix(), 10);
        int free = clusters.defaultClient().nextVmid();
        simulator.faults().taskFailureRate(1.0);
        JsonNode failed = applyAndWait(failing, false);
        assertThat(failed.get("state").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.get("steps").get(0).get("message").asString()).isEqualTo(Integer.toString(free));
        simulator.faults().clear();

        JsonNode created = applyAndWait(next, false);

        assertThat(created.get("state").asString()).as(created.toString()).isEqualTo("SUCCEEDED");
        assertThat(catalog.get(next).boundVmid()).as("the VMID the failed create had reserved").isEqualTo(free);
    }

    private String create(String name, int dataGiB) {
        Api.Reply created = api.post("/api/v1/profiles", profileJson(name, 8, dataGiB));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    private void update(String name, int cores, int dataGiB) {
        Api.Reply updated = api.put("/api/v1/profiles/" + name, profileJson(name, cores, dataGiB));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    }

    private static String profileJson(String name, int cores, int dataGiB) {
        return """
                {"name": "%s", "node": "srv02", "platform": "windows-11-gaming", "cores": %d, "memoryMiB": 16384,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64, "role": "system"},
                           {"slot": "scsi1", "storage": "local-zfs", "sizeGiB": %d, "role": "data"}],
                 "gpu": "rtx3070", "tags": ["test"]}""".formatted(name, cores, dataGiB);
    }

    private JsonNode applyAndWait(String name, boolean reboot) {
        Api.Reply accepted = api.post("/api/v1/profiles/" + name + "/apply?reboot=" + reboot, null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return api.awaitOperation(accepted.json().get("id").asString(), Duration.ofSeconds(60));
    }

    private static JsonNode change(JsonNode plan, String key) {
        for (JsonNode change : plan.get("changes")) {
            if (change.get("key").asString().equals(key)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + key + " in " + plan);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
