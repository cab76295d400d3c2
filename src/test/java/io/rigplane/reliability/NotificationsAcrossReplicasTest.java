package io.rigplane.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.notification.Listener;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.LoopbackOctets;
import io.rigplane.support.Replica;
import io.rigplane.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Notifications from two replicas in JVMs of their own on one database, told to a real HTTP
 * listener: each queued notification reaches each target once, in the order it was queued, whichever
 * replica queued it and whichever delivers it; and when a replica dies mid-operation and while
 * driving a session, the one that takes its work over says so ({@code work.taken_over}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsAcrossReplicasTest {

    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final int FAILURES = 12;

    ProxmoxSimulator simulator;
    Listener listener;
    Replica first;
    Replica second;
    TestDatabase.Coordinates database;

    @BeforeAll
    void startReplicas(@TempDir Path logs) throws Exception {
        // guests' stream hosts on Apollo's port, on 127.N.x.y apart from other simulators on this machine
        simulator = ProxmoxSimulator.start(SimulatorSettings.forTests().withStreamHostPortBase(47989)
                .withLoopbackOctet(LoopbackOctets.next()));
        listener = Listener.start();
        database = TestDatabase.another();
        // a short driver lease, so a session of a killed replica is taken over within seconds
        Replica.Settings settings = Replica.Settings.of(database, simulator)
                .with("--rigplane.notifications.poll-interval=50ms", "--rigplane.notifications.retry-backoff=300ms",
                        "--rigplane.notifications.max-backoff=1s", "--rigplane.sessions.driver-lease=3s",
                        "--rigplane.sessions.monitor-interval=500ms", "--rigplane.apollo.username=admin",
                        "--rigplane.apollo.password=admin");
        // both start at once: a replica's start is most of this test's time
        first = Replica.launch(settings, logs.resolve("first.log"));
        second = Replica.launch(settings, logs.resolve("second.log"));
        first.awaitHealthy(Duration.ofSeconds(150));
        second.awaitHealthy(Duration.ofSeconds(150));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, simulator, listener}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void eachNotificationQueuedOnEitherReplicaReachesEachTargetOnceInOrder() throws Exception {
        long a = target(first.api(), "across-a", "/across-a", "operation.failed");
        long b = target(second.api(), "across-b", "/across-b", "operation.failed");
        // slow answers and a failure now and then, so both replicas' workers compete for the same queue
        listener.delay(Duration.ofMillis(30)).script("/across-a", 503).script("/across-b", 200, 200, 500);
        simulator.faults().taskFailureRate(1.0);
        List<String> profiles = Workload.names("told", FAILURES);
        List<String> operations = new ArrayList<>();
        try {
            for (int i = 0; i < FAILURES; i++) {
                Api replica = i % 2 == 0 ? first.api() : second.api();
                Workload.createProfile(replica, profiles.get(i), i % 2 == 0 ? "srv02" : "srv03");
                operations.add(Workload.submit(replica, profiles.get(i), "apply"));
            }
            Map<String, JsonNode> ended = Workload.awaitAll(first.api(), operations, BOUND);
            assertThat(ended.values()).allSatisfy(op -> assertThat(op.get("state").asString()).isEqualTo("FAILED"));
        } finally {
            simulator.faults().taskFailureRate(0);
        }

        // /across-a failed once at its first request and /across-b at its third: those went twice, in place
        assertToldOnceEachInOrder(a, "/across-a", 0, profiles);
        assertToldOnceEachInOrder(b, "/across-b", 2, profiles);
        assertThat(first.logged() + second.logged()).doesNotContain("s3cret-across");
    }

    @Test
    @Order(2)
    void aReplicaThatTakesOverTheWorkOfADeadOneSaysSo() throws Exception {
        target(first.api(), "takeover", "/takeover", "work.taken_over");
        Workload.createProfile(first.api(), "played", "srv02");
        JsonNode applied = first.api().awaitOperation(Workload.submit(first.api(), "played", "apply"), BOUND);
        assertThat(applied.get("state").asString()).as(applied.toString()).isEqualTo("SUCCEEDED");
        Workload.createProfile(first.api(), "orphaned", "srv03");
        simulator.faults().taskMillis(6000L);
        String operation = Workload.submit(first.api(), "orphaned", "apply");
        first.api().awaitTaskOfStep(operation, "create VM", Duration.ofSeconds(60));
        // Quartz gives the job to either replica, whichever asked first: kill the one running it
        boolean firstRunsIt = first.logged().contains("Operation " + operation + " (apply on ");
        Replica killed = firstRunsIt ? first : second;
        Replica survivor = firstRunsIt ? second : first;
        // a session the doomed replica drives (the one that opened it), its lease taken
        Api.Reply opened = killed.api().post("/api/v1/sessions", "{\"profile\": \"played\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        String session = opened.json().get("id").asString();
        awaitDriven(session);
        killed.kill();
        simulator.faults().taskMillis(null);

        JsonNode finished = survivor.api().awaitOperation(operation, BOUND);
        assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
        JsonNode operationTold = listener.await("/takeover", 1, r -> r.json().get("details").has("operation")
                && r.json().get("details").get("operation").asString().equals(operation), BOUND).get(0).json();
        assertThat(operationTold.get("event").asString()).isEqualTo("work.taken_over");
        assertThat(operationTold.get("subject").asString()).isEqualTo("orphaned");
        assertThat(operationTold.get("title").asString()).isEqualTo("A replica took over apply on orphaned");
        JsonNode sessionTold = listener.await("/takeover", 1, r -> r.json().get("details").has("session")
                && r.json().get("details").get("session").asString().equals(session), BOUND).get(0).json();
        assertThat(sessionTold.get("event").asString()).isEqualTo("work.taken_over");
        assertThat(sessionTold.get("subject").asString()).isEqualTo("played");
        assertThat(sessionTold.get("title").asString()).isEqualTo("A replica took over the session on played");
        assertThat(sessionTold.get("details").get("link").asString()).isEqualTo("/sessions/" + session);
        Listener.sleep(1500);
        List<JsonNode> all = listener.received("/takeover").stream().map(Listener.Received::json).toList();
        assertThat(all).as("each takeover told once").allSatisfy(told ->
                assertThat(told.get("event").asString()).isEqualTo("work.taken_over"));
        assertThat(all.stream().filter(told -> told.get("details").has("session")).toList()).hasSize(1);
        // the session's own start operation may have been the dead replica's too: told once then
        assertThat(all.stream().map(told -> told.get("details").has("operation")
                ? told.get("details").get("operation").asString() : told.get("details").get("session").asString())
                .toList()).doesNotHaveDuplicates().contains(operation, session);
    }

    /** Waits until a replica holds the session's driver lease, as the database says. */
    private void awaitDriven(String session) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(database.url(),
                database.username(), database.password());
             java.sql.PreparedStatement query = connection.prepareStatement(
                     "select driver from stream_session where id = ?::uuid")) {
            query.setString(1, session);
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet row = query.executeQuery()) {
                    if (row.next() && row.getString(1) != null) {
                        return;
                    }
                }
                Listener.sleep(50);
            }
        }
        throw new AssertionError("session " + session + " never driven");
    }

    private long target(Api replica, String name, String path, String event) {
        Api.Reply created = replica.post("/api/v1/notifications/targets", """
                {"name": "%s", "kind": "webhook", "url": "%s", "secret": "s3cret-across", "events": ["%s"]}"""
                .formatted(name, listener.url(path), event));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Waits until none of the target's deliveries is queued; answers their ids, oldest first. */
    private static List<Long> awaitAllDelivered(Api replica, long target, int count) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        JsonNode items = null;
        while (System.nanoTime() < deadline) {
            items = replica.get("/api/v1/notifications/deliveries?target=" + target + "&size=50").json().get("items");
            boolean done = items.size() >= count;
            for (JsonNode item : items) {
                done &= item.get("status").asString().equals("DELIVERED");
            }
            if (done) {
                List<Long> ids = new ArrayList<>();
                items.forEach(item -> ids.add(0, item.get("id").asLong()));
                return ids;
            }
            Listener.sleep(100);
        }
        throw new AssertionError("target " + target + " not done in " + BOUND + ": " + items);
    }

    private void assertToldOnceEachInOrder(long target, String path, int retried, List<String> profiles) {
        List<Long> queued = awaitAllDelivered(second.api(), target, FAILURES);
        List<Long> expected = new ArrayList<>(queued);
        expected.add(retried, queued.get(retried));
        Listener.sleep(500);
        List<Listener.Received> requests = listener.received(path);
        assertThat(requests.stream().map(r -> r.json().get("delivery").asLong()).toList())
                .as("the requests to " + path + ": each delivery once, in the order queued, a failed one again")
                .containsExactlyElementsOf(expected);
        assertThat(requests.stream().map(r -> r.json().get("subject").asString()).distinct().toList()).as(path)
                .containsExactlyInAnyOrderElementsOf(profiles);
    }
}
