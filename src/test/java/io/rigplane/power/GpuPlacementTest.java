package io.rigplane.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorControl;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Placement on a three-node cluster (srv02, srv03, srv04) whose PCI mappings reach only srv03 and
 * srv04: a start picks a node with a free device, moves a stopped VM there with an offline migration,
 * never moves a running VM, and a refusal says why each node was not chosen.
 */
@IntegrationTest
@TestPropertySource(properties = "rigplane.simulator.nodes=3")
class GpuPlacementTest {

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    ProfileCatalog catalog;

    Api api;
    PowerFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        fixtures = new PowerFixtures(api);
        simulator.faults().clear();
    }

    private static int nextBus = 0x20;

    /** A PCI path no other test's mapping uses: claims are per device, whatever the mapping. */
    private static synchronized String freshPath() {
        return String.format("0000:%02x:00", nextBus++);
    }

    /** A mapping with one device on srv03 and one on srv04, of a fresh id. */
    private String twoNodeMapping() {
        String id = "pool-" + UUID.randomUUID().toString().substring(0, 8);
        SimulatorControl.pciMapping(simulator, id, "node=srv03,path=" + freshPath() + ",id=10de:2484",
                "node=srv04,path=" + freshPath() + ",id=10de:2484");
        return id;
    }

    /** A profile that leaves its node open, applied: its VM is created on the mapping's first node. */
    private String placedProfile(String gpu, String nodes) {
        String name = "placed-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": null, %s "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "gpu": "%s", "shutdownTimeoutSeconds": 5}""".formatted(name,
                nodes == null ? "" : "\"nodes\": " + nodes + ",", gpu));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("node").isNull()).isTrue();
        JsonNode applied = fixtures.await(fixtures.apply(name));
        assertThat(applied.get("state").asString()).as(applied.toString()).isEqualTo("SUCCEEDED");
        return name;
    }

    private int vmid(String profile) {
        return catalog.get(profile).boundVmid();
    }

    private static Map<String, String> alternatives(JsonNode placement) {
        Map<String, String> why = new TreeMap<>();
        placement.get("alternatives").forEach(a -> why.put(a.get("node").asString(), a.get("reason").asString()));
        return why;
    }

    @Test
    void aStartStaysOnTheVmsNodeWhenADeviceIsFreeThere() {
        String gpu = twoNodeMapping();
        String profile = placedProfile(gpu, null);
        assertThat(simulator.nodeOf(vmid(profile))).isEqualTo("srv03");

        JsonNode started = fixtures.power(profile, "start");

        assertThat(started.get("state").asString()).as(started.toString()).isEqualTo("SUCCEEDED");
        JsonNode placement = started.get("placement");
        assertThat(placement.get("node").asString()).isEqualTo("srv03");
        assertThat(placement.get("reason").asString()).contains("the VM is on srv03", placement.get("device").asString());
        assertThat(placement.get("migrateFrom").isNull()).isTrue();
        assertThat(alternatives(placement)).containsOnlyKeys("srv02", "srv04");
        assertThat(alternatives(placement).get("srv02")).contains("has no device there");
        assertThat(alternatives(placement).get("srv04")).startsWith("less preferred: srv04 is awake");
        assertThat(fixtures.status(profile).get("gpu").get("device").asString())
                .isEqualTo(placement.get("device").asString());
        fixtures.power(profile, "stop");
    }

    @Test
    void aStoppedVmMovesToTheNodeWithAFreeDeviceAndTheStepShowsItsProgress() throws Exception {
        String gpu = twoNodeMapping();
        String first = placedProfile(gpu, null);
        String second = placedProfile(gpu, null);
        assertThat(simulator.nodeOf(vmid(second))).isEqualTo("srv03");
        fixtures.power(first, "start");
        // 32 GiB on local-zfs at 100 ms per GiB: a copy of about 3 s whose progress can be watched
        simulator.setMigrationMillisPerGiB(100);
        try {
            Api.Reply accepted = api.post("/api/v1/profiles/" + second + "/start", null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            String id = accepted.json().get("id").asString();
            List<String> progress = new ArrayList<>();
            JsonNode operation = api.get("/api/v1/operations/" + id).json();
            while (!operation.get("state").asString().matches("SUCCEEDED|FAILED")) {
                operation.get("steps").forEach(step -> {
                    if (step.get("name").asString().startsWith("migrate") && step.get("state").asString().equals("RUNNING")
                            && !step.get("message").isNull()) {
                        progress.add(step.get("message").asString());
                    }
                });
                Thread.sleep(100);
                operation = api.get("/api/v1/operations/" + id).json();
            }

            assertThat(operation.get("state").asString()).as(operation.toString()).isEqualTo("SUCCEEDED");
            JsonNode placement = operation.get("placement");
            assertThat(placement.get("node").asString()).isEqualTo("srv04");
            assertThat(placement.get("migrateFrom").asString()).isEqualTo("srv03");
            assertThat(placement.get("reason").asString()).contains("srv04 is awake", "moves there from srv03");
            assertThat(alternatives(placement).get("srv03")).contains("held", "'" + first + "'");
            List<String> steps = new ArrayList<>();
            operation.get("steps").forEach(step -> steps.add(step.get("name").asString() + " " + step.get("state").asString()));
            assertThat(steps).containsSubsequence("migrate VM " + vmid(second) + " to srv04 SUCCEEDED",
                    "start VM " + vmid(second) + " on srv04 SUCCEEDED");
            assertThat(progress).as("progress lines seen while the disk was copied")
                    .allMatch(line -> line.matches(".*: transferred .* GiB of .* GiB \\(\\d+\\.\\d+%\\)"))
                    .anyMatch(line -> line.matches(".*disk-1: transferred .* GiB of 32\\.0 GiB \\((?!100\\.)\\d+\\.\\d+%\\)"));
            assertThat(simulator.nodeOf(vmid(second))).isEqualTo("srv04");
            JsonNode migrateStep = null;
            for (JsonNode step : operation.get("steps")) {
                migrateStep = step.get("name").asString().startsWith("migrate") ? step : migrateStep;
            }
            System.out.printf("placement: request to VM started on the other node %d ms (migration step %d ms, 32 GiB"
                    + " local disk at 100 ms/GiB)%n", java.time.Duration.between(
                            java.time.Instant.parse(operation.get("createdAt").asString()),
                            java.time.Instant.parse(operation.get("finishedAt").asString())).toMillis(),
                    java.time.Duration.between(java.time.Instant.parse(migrateStep.get("startedAt").asString()),
                            java.time.Instant.parse(migrateStep.get("finishedAt").asString())).toMillis());
            assertThat(simulator.migrations()).anyMatch(m -> m.get("vmid").equals(vmid(second))
                    && m.get("to").equals("srv04"));
        } finally {
            simulator.setMigrationMillisPerGiB(20);
        }
        fixtures.power(first, "stop");
        fixtures.power(second, "stop");
    }

    @Test
    void aRunningVmIsNeverMigrated() {
        String gpu = twoNodeMapping();
        String profile = placedProfile(gpu, null);
        fixtures.power(profile, "start");
        int migrationsBefore = simulator.migrations().size();

        // its node's only device is held (by itself): another start must not move it to srv04's free device
        JsonNode again = fixtures.power(profile, "start");

        assertThat(again.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("placement").get("node").asString()).isEqualTo("srv03");
        assertThat(again.get("placement").get("reason").asString()).contains("a running VM is never migrated");
        assertThat(again.toString()).doesNotContain("migrate VM");
        assertThat(simulator.migrations()).hasSize(migrationsBefore);
        assertThat(simulator.nodeOf(vmid(profile))).isEqualTo("srv03");
        fixtures.power(profile, "stop");
    }

    @Test
    void aRefusalSaysWhyEachNodeWasNotChosen() {
        String gpu = "solo-" + UUID.randomUUID().toString().substring(0, 8);
        String path = freshPath();
        SimulatorControl.pciMapping(simulator, gpu, "node=srv03,path=" + path + ",id=10de:2484");
        String holder = placedProfile(gpu, null);
        String refusedOne = placedProfile(gpu, "[\"srv03\", \"srv04\"]");
        fixtures.power(holder, "start");

        Api.Reply refused = api.post("/api/v1/profiles/" + refusedOne + "/start", null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("holder").asString()).isEqualTo(holder);
        Map<String, String> why = new TreeMap<>();
        problem.get("nodes").forEach(n -> why.put(n.get("node").asString(), n.get("reason").asString()));
        assertThat(why).containsOnlyKeys("srv02", "srv03", "srv04");
        assertThat(why.get("srv02")).isEqualTo("not among the profile's nodes");
        assertThat(why.get("srv03")).isEqualTo("all 1 device of " + gpu + " held: " + path + " by '" + holder + "'");
        assertThat(why.get("srv04")).isEqualTo("the PCI mapping " + gpu + " has no device there");
        fixtures.power(holder, "stop");
    }

    @Test
    void aNodeWithoutTheMemoryIsNotChosen() {
        String gpu = twoNodeMapping();
        String name = "big-" + UUID.randomUUID().toString().substring(0, 8);
        // srv03 and srv04 have 32 GiB each
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": null, "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 40960,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "gpu": "%s"}""".formatted(name, gpu));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(fixtures.await(fixtures.apply(name)).get("state").asString()).isEqualTo("SUCCEEDED");

        Api.Reply refused = api.post("/api/v1/profiles/" + name + "/start", null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("no-node-fits");
        Map<String, String> why = new TreeMap<>();
        refused.json().get("nodes").forEach(n -> why.put(n.get("node").asString(), n.get("reason").asString()));
        assertThat(why.get("srv03")).matches("has \\d+ MiB of memory free, the VM needs 40960 MiB");
        assertThat(why.get("srv04")).matches("has \\d+ MiB of memory free, the VM needs 40960 MiB");
        assertThat(why.get("srv02")).contains("has no device there");
    }

    @Test
    void aProfileLeavesItsNodeOpenOnlyWithCandidatesOrAGpu() {
        String base = """
                {"name": "%s", %s "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}""";
        Api.Reply nowhere = api.post("/api/v1/profiles", base.formatted("nowhere", "\"node\": null,"));
        assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(400);
        assertThat(nowhere.body()).contains("\"node\"", "unless nodes lists candidates");
        Api.Reply both = api.post("/api/v1/profiles", base.formatted("both", "\"node\": \"srv02\", \"nodes\": [\"srv03\"],"));
        assertThat(both.status()).as(both.body()).isEqualTo(400);
        assertThat(both.body()).contains("\"nodes\"");
        assertThat(api.get("/api/v1/profiles/nowhere").status()).isEqualTo(404);

        Api.Reply listed = api.post("/api/v1/profiles", base.formatted("listed-nodes", "\"node\": null, \"nodes\": [\"srv03\", \"srv04\"],"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        JsonNode read = api.get("/api/v1/profiles/listed-nodes").json();
        assertThat(read.get("node").isNull()).isTrue();
        assertThat(read.get("nodes").toString()).isEqualTo("[\"srv03\",\"srv04\"]");
        // a client that knows nothing of nodes sees an empty list on profiles with a node
        Api.Reply pinned = api.post("/api/v1/profiles", base.formatted("pinned-node", "\"node\": \"srv02\","));
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(201);
        assertThat(pinned.json().get("node").asString()).isEqualTo("srv02");
        assertThat(pinned.json().get("nodes").toString()).isEqualTo("[]");
    }
}
