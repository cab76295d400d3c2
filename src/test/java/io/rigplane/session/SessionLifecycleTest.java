package io.rigplane.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorControl;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Wake-and-stream from the thin client's side: from a sleeping host to READY, idle stop, grace period. */
@IntegrationTest
class SessionLifecycleTest {

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @AfterEach
    void wakeEverything() {
        simulator.faults().clear();
        simulator.setNodeOnline("srv02", true);
    }

    @Test
    void aSessionFromAStoppedVmOnASleepingNodeReachesReadyAndStreamsEveryTransition() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("couch", null);
        int vmid = fixtures.vmid(profile);
        simulator.setNodeOnline("srv02", false);

        JsonNode opened = SessionFixtures.open(fixtures.api(), profile);
        SessionFixtures.EventLog events = fixtures.follow(opened.get("id").asString());
        JsonNode ready = fixtures.awaitState(opened.get("id").asString(), "READY", "FAILED");

        assertThat(ready.get("state").asString()).as(ready.toString()).isEqualTo("READY");
        Map<String, Object> streamHost = simulator.streamHostAddress(vmid);
        JsonNode connection = ready.get("connection");
        assertThat(connection.get("host").asString()).isEqualTo(streamHost.get("ip"));
        assertThat(connection.get("port").asInt()).isEqualTo(streamHost.get("httpPort"));
        assertThat(connection.get("pairingRequired").asBoolean()).isTrue();
        assertThat(connection.get("pin").asString()).matches("\\d{4}");
        assertThat(connection.get("artemisLink").asString())
                .startsWith("art://" + streamHost.get("ip") + ":" + streamHost.get("httpPort") + "?pin=");
        fixtures.await(opened.get("id").asString(), session -> events.states().contains("READY"), Duration.ofSeconds(5));
        assertThat(events.states()).containsExactly("REQUESTED", "WAKING_HOST", "STARTING_VM",
                "WAITING_FOR_STREAM_HOST", "READY");
        // the session follows the start operation's typed phase, not the names of its steps
        JsonNode start = fixtures.api().get("/api/v1/operations/" + ready.get("operationId").asString()).json();
        assertThat(start.get("kind").asString()).isEqualTo("power-start");
        assertThat(start.get("phase").asString()).isEqualTo("STARTING_VM");
        assertThat(ready.get("transitions").get(1).get("detail").asString()).contains("is asleep: waking it");
        assertThat(events.events.get(4).get("connection").get("artemisLink").asString()).startsWith("art://");
        assertThat(ready.get("transitions")).hasSize(5);
        assertThat(simulator.isNodeOnline("srv02")).isTrue();
        assertThat(fixtures.power(profile)).isEqualTo("running");
        assertThat(fixtures.api().get("/actuator/prometheus").body())
                .containsPattern("rigplane_sessions_time_to_ready_seconds_count(\\{[^}]*})? [1-9]");

        // the client pairs with the one-time PIN; afterwards the one-tap link launches instead of pairing
        Matcher link = Pattern.compile("pin=(\\d{4})&passphrase=([^&]+)&name=([^&]+)")
                .matcher(connection.get("artemisLink").asString());
        assertThat(link.find()).isTrue();
        simulator.pairWithPin(vmid, link.group(1), java.net.URLDecoder.decode(link.group(2),
                java.nio.charset.StandardCharsets.UTF_8), ready.get("clientName").asString());
        JsonNode paired = fixtures.await(opened.get("id").asString(),
                session -> session.get("connection").get("artemisLink").asString().startsWith("art://launch?"),
                Duration.ofSeconds(10));
        assertThat(paired.get("connection").get("pairingRequired").asBoolean()).isFalse();

        fixtures.api().delete("/api/v1/sessions/" + opened.get("id").asString());
    }

    @Test
    void aStreamResumedWithLastEventIdSendsOnlyTheTransitionsAfterItAndEndsWithTheSession() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("resume", null);
        String id = SessionFixtures.open(fixtures.api(), profile).get("id").asString();
        JsonNode ready = fixtures.awaitState(id, "READY", "FAILED");
        assertThat(ready.get("state").asString()).as(ready.toString()).isEqualTo("READY");
        int seen = ready.get("transitions").size();

        fixtures.api().delete("/api/v1/sessions/" + id);
        JsonNode ended = fixtures.awaitState(id, "ENDED", "FAILED");
        List<String> missed = new ArrayList<>();
        for (int i = seen; i < ended.get("transitions").size(); i++) {
            missed.add(ended.get("transitions").get(i).get("state").asString());
        }

        SessionFixtures.EventLog resumed = fixtures.follow(id, Integer.toString(seen));
        fixtures.await(id, session -> resumed.ended, Duration.ofSeconds(10));
        assertThat(missed).isNotEmpty().endsWith("ENDED");
        assertThat(resumed.states()).containsExactlyElementsOf(missed);
    }

    @Test
    void anIdleSessionEndsAndTheVmShutsDownAfterTheGracePeriod() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("idle", null);
        fixtures.settings(profile, "{\"idleTimeoutSeconds\": 2, \"graceSeconds\": 1}");

        JsonNode opened = SessionFixtures.open(fixtures.api(), profile);
        fixtures.awaitState(opened.get("id").asString(), "READY");
        JsonNode ended = fixtures.awaitState(opened.get("id").asString(), "ENDED", "FAILED");

        assertThat(ended.get("state").asString()).isEqualTo("ENDED");
        assertThat(ended.get("reason").asString()).isEqualTo("no stream and no heartbeat for 2 s");
        assertThat(ended.get("transitions").findValuesAsString("state")).endsWith("READY", "ENDING", "ENDED");
        assertThat(fixtures.awaitPower(profile, "stopped", Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aNewSessionWithinTheGracePeriodKeepsTheVmRunning() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("again", null);
        fixtures.settings(profile, "{\"graceSeconds\": 3}");
        JsonNode first = SessionFixtures.open(fixtures.api(), profile);
        fixtures.awaitState(first.get("id").asString(), "READY");
        Api.Reply ended = fixtures.api().delete("/api/v1/sessions/" + first.get("id").asString());
        assertThat(ended.json().get("state").asString()).isEqualTo("ENDED");

        JsonNode second = SessionFixtures.open(fixtures.api(), profile);
        fixtures.awaitState(second.get("id").asString(), "READY");
        SessionFixtures.sleep(4_000);

        assertThat(fixtures.power(profile)).isEqualTo("running");
        JsonNode operations = fixtures.api().get("/api/v1/operations?target=" + profile).json();
        assertThat(operations.get("items").findValuesAsString("kind")).doesNotContain("power-shutdown", "power-stop");
        assertThat(fixtures.api().get("/api/v1/sessions/" + second.get("id").asString()).json().get("state")
                .asString()).isIn("READY", "ACTIVE");
        fixtures.api().delete("/api/v1/sessions/" + second.get("id").asString());
    }

    @Test
    void heartbeatsAndAStreamingClientKeepASessionActive() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("beat", null);
        fixtures.settings(profile, "{\"idleTimeoutSeconds\": 2}");
        JsonNode opened = SessionFixtures.open(fixtures.api(), profile);
        String id = opened.get("id").asString();
        fixtures.awaitState(id, "READY");

        for (int i = 0; i < 8; i++) {
            assertThat(fixtures.api().post("/api/v1/sessions/" + id + "/heartbeat", null).status()).isEqualTo(200);
            SessionFixtures.sleep(500);
        }
        assertThat(fixtures.api().get("/api/v1/sessions/" + id).json().get("state").asString()).isEqualTo("ACTIVE");

        // no more heartbeats, but the client streams: Apollo's connected flag is activity too
        int vmid = fixtures.vmid(profile);
        String client = simulator.pairClient(vmid, opened.get("clientName").asString()).get("uuid").toString();
        connectOnceGranted(vmid, client);
        SessionFixtures.sleep(3_500);
        assertThat(fixtures.api().get("/api/v1/sessions/" + id).json().get("state").asString()).isEqualTo("ACTIVE");

        simulator.disconnectClient(vmid, client);
        JsonNode ended = fixtures.awaitState(id, "ENDED");
        assertThat(ended.get("reason").asString()).contains("no stream and no heartbeat");
        assertThat(fixtures.api().post("/api/v1/sessions/" + id + "/heartbeat", null).status()).isEqualTo(409);
    }

    @Test
    void aSessionEndsAtTheProfilesMaximumLengthEvenWhileInUse() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("long", null);
        fixtures.settings(profile, "{\"maxLengthSeconds\": 2}");
        String id = SessionFixtures.open(fixtures.api(), profile).get("id").asString();
        fixtures.awaitState(id, "READY");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (fixtures.api().post("/api/v1/sessions/" + id + "/heartbeat", null).status() == 200
                && System.nanoTime() < deadline) {
            SessionFixtures.sleep(300);
        }
        JsonNode ended = fixtures.api().get("/api/v1/sessions/" + id).json();
        assertThat(ended.get("state").asString()).isEqualTo("ENDED");
        assertThat(ended.get("reason").asString()).isEqualTo("it reached the profile's maximum length of 2 s");
    }

    @Test
    void aSessionAskedForDuringAShutdownWaitsForItAndStartsTheVmAgain() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("restart", null);
        String first = SessionFixtures.open(fixtures.api(), profile).get("id").asString();
        fixtures.awaitState(first, "READY");
        fixtures.api().delete("/api/v1/sessions/" + first);
        Api.Reply shutdown = fixtures.api().post("/api/v1/profiles/" + profile + "/shutdown?force=true", null);
        assertThat(shutdown.status()).as(shutdown.body()).isEqualTo(202);

        String second = SessionFixtures.open(fixtures.api(), profile).get("id").asString();
        JsonNode ready = fixtures.awaitState(second, "READY", "FAILED");

        assertThat(ready.get("state").asString()).as(ready.toString()).isEqualTo("READY");
        assertThat(fixtures.power(profile)).isEqualTo("running");
        JsonNode stopped = fixtures.api().get("/api/v1/operations/" + shutdown.json().get("id").asString()).json();
        JsonNode started = fixtures.api().get("/api/v1/operations/" + ready.get("operationId").asString()).json();
        assertThat(stopped.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(java.time.Instant.parse(started.get("startedAt").asString()))
                .isAfterOrEqualTo(java.time.Instant.parse(stopped.get("finishedAt").asString()));
        fixtures.api().delete("/api/v1/sessions/" + second);
    }

    /** Rigplane grants a newly paired client launch and input on its next look; until then Apollo refuses. */
    private void connectOnceGranted(int vmid, String client) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                simulator.connectClient(vmid, client);
                return;
            } catch (IllegalStateException notYetGranted) {
                if (System.nanoTime() > deadline) {
                    throw notYetGranted;
                }
                SessionFixtures.sleep(100);
            }
        }
    }

    @Test
    void aStreamHostThatNeverAnswersFailsTheSessionWithTheReason() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("mute", null);
        fixtures.settings(profile, "{\"streamHostTimeoutSeconds\": 5, \"graceSeconds\": 0}");
        simulator.faults().streamHostNeverReady(true);

        JsonNode opened = SessionFixtures.open(fixtures.api(), profile);
        JsonNode failed = fixtures.awaitState(opened.get("id").asString(), "FAILED", "READY");

        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asString()).isNotBlank().doesNotContain("Exception");
        assertThat(fixtures.awaitPower(profile, "stopped", Duration.ofSeconds(30)))
                .as("a VM started for a failed session is not left running").isTrue();
    }

    @Test
    void aBusyGpuIsRefusedOrQueuedAsTheProfileSays() {
        SimulatorControl.pciMapping(simulator, "session-gpu", "node=srv02,path=0000:3a:00,id=10de:2484");
        SessionFixtures fixtures = new SessionFixtures(port);
        String mine = fixtures.appliedProfile("gpu-a", "session-gpu");
        String theirs = fixtures.appliedProfile("gpu-b", "session-gpu");
        fixtures.settings(mine, "{\"graceSeconds\": 600}");
        JsonNode playing = SessionFixtures.open(fixtures.api(), mine);
        fixtures.awaitState(playing.get("id").asString(), "READY");
        Api other = fixtures.anotherPerson();

        Api.Reply refused = other.post("/api/v1/sessions", "{\"profile\": \"" + theirs + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/gpu-busy");
        assertThat(refused.json().get("holder").asString()).isEqualTo(mine);

        fixtures.settings(theirs, "{\"whenGpuBusy\": \"queue\"}");
        JsonNode queued = SessionFixtures.open(other, theirs);
        JsonNode waiting = fixtures.await(queued.get("id").asString(),
                session -> session.get("queuePosition").isNumber(), Duration.ofSeconds(10));
        assertThat(waiting.get("queuePosition").asInt()).isEqualTo(1);
        assertThat(waiting.get("state").asString()).isEqualTo("REQUESTED");

        // the first session ends: its VM does not wait out its 10 min grace period, the queue moves on
        fixtures.api().delete("/api/v1/sessions/" + playing.get("id").asString());
        JsonNode ready = fixtures.awaitState(queued.get("id").asString(), "READY", "FAILED");
        assertThat(ready.get("state").asString()).as(ready.toString()).isEqualTo("READY");
        assertThat(fixtures.power(mine)).isEqualTo("stopped");
        other.delete("/api/v1/sessions/" + queued.get("id").asString());
    }

    @Test
    void aShutdownAfterTheLastSessionThatFailsIsTriedAgainSoTheQueueForItsGpuMovesOn() {
        SimulatorControl.pciMapping(simulator, "retry-gpu", "node=srv02,path=0000:3b:00,id=10de:2484");
        SessionFixtures fixtures = new SessionFixtures(port);
        String mine = fixtures.appliedProfile("retry-a", "retry-gpu");
        String theirs = fixtures.appliedProfile("retry-b", "retry-gpu");
        fixtures.settings(mine, "{\"graceSeconds\": 0}");
        fixtures.settings(theirs, "{\"whenGpuBusy\": \"queue\"}");
        JsonNode playing = SessionFixtures.open(fixtures.api(), mine);
        fixtures.awaitState(playing.get("id").asString(), "READY");
        Api other = fixtures.anotherPerson();
        JsonNode queued = SessionFixtures.open(other, theirs);
        fixtures.await(queued.get("id").asString(), session -> session.get("queuePosition").isNumber(),
                Duration.ofSeconds(10));

        // the VM's shutdown after its last session fails once (Proxmox's task fails): it still runs, holding
        // the GPU, and no session uses it; it must be shut down again, not left holding the GPU for good
        simulator.faults().taskFailureRate(1.0);
        fixtures.api().delete("/api/v1/sessions/" + playing.get("id").asString());
        awaitFailedShutdown(fixtures.api(), mine);
        simulator.faults().clear();

        JsonNode ready = fixtures.awaitState(queued.get("id").asString(), "READY", "FAILED");
        assertThat(ready.get("state").asString()).as(ready.toString()).isEqualTo("READY");
        assertThat(fixtures.power(mine)).isEqualTo("stopped");
        other.delete("/api/v1/sessions/" + queued.get("id").asString());
    }

    private static void awaitFailedShutdown(Api api, String profile) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode operation : api.get("/api/v1/operations?target=" + profile).json().get("items")) {
                if (operation.get("kind").asString().equals("power-shutdown")
                        && operation.get("state").asString().equals("FAILED")) {
                    return;
                }
            }
            SessionFixtures.sleep(100);
        }
        throw new AssertionError("the shutdown of " + profile + " did not fail");
    }

    @Test
    void aSecondPressJoinsTheSameSessionAndAProfileMayRefuseSharing() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("solo", null);
        fixtures.settings(profile, "{\"concurrent\": \"refuse\"}");
        JsonNode first = SessionFixtures.open(fixtures.api(), profile);
        JsonNode again = SessionFixtures.open(fixtures.api(), profile);
        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());

        Api.Reply refused = fixtures.anotherPerson().post("/api/v1/sessions", "{\"profile\": \"" + profile + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/session-conflict");
        fixtures.api().delete("/api/v1/sessions/" + first.get("id").asString());
    }

    @Test
    void aSessionWhoseProfileWasDeletedEndsOnItsOwn() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("forgotten", null);
        String id = SessionFixtures.open(fixtures.api(), profile).get("id").asString();
        assertThat(fixtures.awaitState(id, "READY", "FAILED").get("state").asString()).isEqualTo("READY");

        Api.Reply deleted = fixtures.api().delete("/api/v1/profiles/" + profile + "?releaseVm=true");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        JsonNode ended = fixtures.awaitState(id, "ENDED", "FAILED");
        assertThat(ended.get("state").asString()).isEqualTo("ENDED");
        JsonNode transitions = ended.get("transitions");
        assertThat(transitions.get(transitions.size() - 2).get("detail").asString())
                .contains(profile).contains("was deleted");
    }

    @Test
    void manyClientsReadingSessionsAtOnceAllGetTheirAnswer() throws Exception {
        SessionFixtures fixtures = new SessionFixtures(port);
        String id = SessionFixtures.open(fixtures.api(), fixtures.appliedProfile("reads", null)).get("id").asString();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 320; i++) {
                String path = i % 2 == 0 ? "/api/v1/sessions/" + id : "/api/v1/sessions?limit=20";
                answers.add(clients.submit(() -> fixtures.api().get(path).status()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        SessionFixtures fixtures = new SessionFixtures(port);
        Api api = fixtures.api();
        int before = api.get("/api/v1/sessions?limit=500").json().size();

        assertThat(api.post("/api/v1/sessions", "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/sessions", "{\"profile\": \"no-such-profile\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/sessions", "{\"profile\": \"x\", \"clientName\": \"<script>\"}").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/sessions?state=SLEEPING").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/sessions/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/profiles/no-such-profile/session-settings", "{}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sessions?limit=500").json().size()).isEqualTo(before);
    }
}
