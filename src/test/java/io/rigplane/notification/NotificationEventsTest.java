package io.rigplane.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.session.SessionFixtures;
import io.rigplane.simulator.SimulatorControl;
import io.rigplane.snapshot.SnapshotRunEnded;
import io.rigplane.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/**
 * Events produced by real actions on the simulated cluster reach a target: a failed operation and
 * a failed snapshot (fault injection), drift found after a hand-made change, a GPU wanted while
 * another VM holds it, each told once, a node that cannot be woken and a session that failed.
 */
@NotificationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationEventsTest {

    private static final String PATH = "/events";

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    ProxmoxClusters clusters;

    @Autowired
    ProfileCatalog catalog;

    @Autowired
    ApplicationEventPublisher events;

    Api api;
    Listener listener;

    @BeforeAll
    void listen() throws Exception {
        listener = Listener.start();
        Api.Reply created = Api.at(port).post("/api/v1/notifications/targets", """
                {"name": "everything", "kind": "webhook", "url": "%s", "secret": "events-secret", "events": []}"""
                .formatted(listener.url(PATH)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        listener.close();
    }

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        simulator.faults().clear();
        for (String gpu : new String[] {"n", "o"}) {
            SimulatorControl.pciMapping(simulator, "nt-gpu-" + gpu, "node=srv02,path=0000:0" + gpu + ":00,id=10de:2484");
        }
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    @Test
    void aFailedOperationAndAFailedSnapshotAreReported() {
        String name = appliedProfile("nt-fail", "nt-gpu-n");
        simulator.faults().taskFailureRate(1.0);

        JsonNode start = await(post("/api/v1/profiles/" + name + "/start"));
        assertThat(start.get("state").asString()).isEqualTo("FAILED");
        JsonNode failed = event("operation.failed", name);
        assertThat(failed.get("details").get("operation").asString()).isEqualTo(start.get("id").asString());
        assertThat(failed.get("message").asString()).isEqualTo(start.get("error").asString());

        JsonNode snapshot = await(post("/api/v1/profiles/" + name + "/snapshots"));
        assertThat(snapshot.get("state").asString()).isEqualTo("FAILED");
        assertThat(event("snapshot.failed", name).get("title").asString()).isEqualTo("Snapshot of " + name + " failed");
    }

    @Test
    void driftIsReportedWhenFoundNotAtEveryCheck() {
        String name = appliedProfile("nt-drift", "nt-gpu-o");
        assertThat(api.post("/api/v1/profiles/" + name + "/drift", null).json().get("drifted").asBoolean()).isFalse();
        ProxmoxClient client = clusters.defaultClient();
        int vmid = catalog.get(name).boundVmid();
        client.await(client.updateConfig("srv02", vmid, Map.of("cores", "2"), List.of(), null), Duration.ofSeconds(30));

        assertThat(api.post("/api/v1/profiles/" + name + "/drift", null).json().get("drifted").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/profiles/" + name + "/drift", null).json().get("drifted").asBoolean()).isTrue();

        JsonNode drift = event("drift.found", name);
        assertThat(drift.get("details").get("changes").asString()).isEqualTo("1");
        Listener.sleep(1000);
        assertThat(events("drift.found", name)).hasSize(1);
    }

    @Test
    void aGpuWantedWhileAnotherVmHoldsItIsReportedOnce() {
        String holder = appliedProfile("nt-holder", "nt-gpu-o");
        String wanting = appliedProfile("nt-wanting", "nt-gpu-o");
        assertThat(await(post("/api/v1/profiles/" + holder + "/start")).get("state").asString()).isEqualTo("SUCCEEDED");

        assertThat(api.post("/api/v1/profiles/" + wanting + "/start", null).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/profiles/" + wanting + "/start", null).status()).isEqualTo(409);

        JsonNode busy = event("gpu.busy", wanting);
        assertThat(busy.get("details").get("holder").asString()).isEqualTo(holder);
        Listener.sleep(1000);
        assertThat(events("gpu.busy", wanting)).hasSize(1);
        await(post("/api/v1/profiles/" + holder + "/stop"));
    }

    @Test
    void aNodeThatCannotBeWokenIsReported() {
        simulator.setNodeOnline("srv02", false);
        simulator.setNodeOnline("srv03", false);
        try {
            JsonNode wake = await(post("/api/v1/nodes/srv02/wake"));
            assertThat(wake.get("state").asString()).isEqualTo("FAILED");
            JsonNode event = event("node.wake_failed", "srv02");
            assertThat(event.get("message").asString()).isEqualTo(wake.get("error").asString());
        } finally {
            simulator.setNodeOnline("srv02", true);
            simulator.setNodeOnline("srv03", true);
        }
    }

    @Test
    void aFailedSessionIsReportedWithItsReason() {
        SessionFixtures sessions = new SessionFixtures(port);
        String profile = sessions.appliedProfile("nt-mute", null);
        Api.Reply settings = api.put("/api/v1/profiles/" + profile + "/session-settings",
                "{\"streamHostTimeoutSeconds\": 5, \"graceSeconds\": 0}");
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        simulator.faults().streamHostNeverReady(true);

        Api.Reply opened = api.post("/api/v1/sessions", "{\"profile\": \"" + profile + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        JsonNode failed = sessions.awaitState(opened.json().get("id").asString(), "FAILED", "READY");
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");

        JsonNode event = event("session.failed", profile);
        assertThat(event.get("message").asString()).isEqualTo(failed.get("reason").asString());
        assertThat(event.get("details").get("session").asString()).isEqualTo(opened.json().get("id").asString());
    }

    /**
     * Retention that cannot prune (a PARTIAL run with nothing pruned) is told once every N runs in a
     * row (N = 2 here); a run that prunes starts the count again.
     */
    @Test
    void snapshotRunsThatPruneNothingInARowAreToldEveryNRuns() {
        String profile = "nt-prune-" + UUID.randomUUID().toString().substring(0, 8);
        events.publishEvent(partial(profile, 0));
        Listener.sleep(600);
        assertThat(events("snapshot.pruned_nothing", profile)).isEmpty();
        events.publishEvent(partial(profile, 0));
        JsonNode told = event("snapshot.pruned_nothing", profile);
        assertThat(told.get("details").get("runs").asString()).isEqualTo("2");
        assertThat(told.get("message").asString()).contains("could not prune");

        events.publishEvent(partial(profile, 1));
        events.publishEvent(partial(profile, 0));
        Listener.sleep(1000);
        assertThat(events("snapshot.pruned_nothing", profile)).hasSize(1);
    }

    private static SnapshotRunEnded partial(String profile, int pruned) {
        return new SnapshotRunEnded(UUID.randomUUID(), profile, "daily", "PARTIAL",
                "taken, but could not prune auto-daily-202612010300: VM is locked (backup)", pruned);
    }

    private String appliedProfile(String prefix, String gpu) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv02", "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 8192,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "gpu": "%s", "gpuPolicy": "refuse", "shutdownTimeoutSeconds": 5}""".formatted(name, gpu));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(await(post("/api/v1/profiles/" + name + "/apply")).get("state").asString()).isEqualTo("SUCCEEDED");
        return name;
    }

    private String post(String path) {
        Api.Reply accepted = api.post(path, null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().get("id").asString();
    }

    private JsonNode await(String operation) {
        return api.awaitOperation(operation, Duration.ofSeconds(90));
    }

    private JsonNode event(String type, String subject) {
        return listener.await(PATH, 1, r -> matches(r, type, subject), Duration.ofSeconds(30)).get(0).json();
    }

    private List<Listener.Received> events(String type, String subject) {
        return listener.received(PATH).stream().filter(r -> matches(r, type, subject)).toList();
    }

    private static boolean matches(Listener.Received request, String type, String subject) {
        JsonNode body = request.json();
        return body.get("event").asString().equals(type) && body.get("subject").asString().equals(subject);
    }
}
