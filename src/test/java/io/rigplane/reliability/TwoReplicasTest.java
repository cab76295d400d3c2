package io.rigplane.reliability;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Stream;
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
 * Two replicas in JVMs of their own on one PostgreSQL database and one simulated cluster: work
 * asked of either one (operations, sessions) is done exactly once, and a replica killed
 * mid-operation leaves its operation and its session to the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasTest {

    private static final int PROFILES = 20;
    private static final int POWERED = 10;
    private static final Duration BOUND = Duration.ofSeconds(90);

    ProxmoxSimulator simulator;
    Replica first;
    Replica second;

    /**
     * What the replicas are asked to do in turn (for the first {@code targets} profiles), and the
     * Proxmox task each request must cause exactly once.
     */
    record ExactlyOnce(String name, String task, int targets, Submit submit) {

        static ExactlyOnce profileAction(String action, String task, int targets) {
            return new ExactlyOnce(action, task, targets, (api, profile) -> Workload.submit(api, profile, action));
        }
    }

    /** Asks one replica for the work on one profile and returns the id of the operation doing it. */
    interface Submit {
        String to(Api replica, String profile);
    }

    static Stream<ExactlyOnce> cases() {
        return Stream.of(ExactlyOnce.profileAction("apply", "qmcreate", PROFILES),
                ExactlyOnce.profileAction("start", "qmstart", POWERED),
                ExactlyOnce.profileAction("stop", "qmstop", POWERED));
    }

    @BeforeAll
    void startReplicas(@TempDir Path logs) throws Exception {
        // guests' stream hosts on Apollo's port, on 127.N.x.y apart from other simulators on this machine
        simulator = ProxmoxSimulator.start(SimulatorSettings.forTests().withThreads(16).withStreamHostPortBase(47989)
                .withLoopbackOctet(LoopbackOctets.next()));
        // a short driver lease, so a session of a killed replica is taken over within seconds
        Replica.Settings settings = Replica.Settings.of(TestDatabase.another(), simulator)
                .with("--rigplane.sessions.driver-lease=3s", "--rigplane.sessions.monitor-interval=500ms",
                        "--rigplane.apollo.username=admin", "--rigplane.apollo.password=admin");
        first = Replica.launch(settings, logs.resolve("first.log"));
        second = Replica.launch(settings, logs.resolve("second.log"));
        first.awaitHealthy(Duration.ofSeconds(150));
        second.awaitHealthy(Duration.ofSeconds(150));
    }

    @AfterAll
    void stopReplicas() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, simulator}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void requestsSpreadOverBothReplicasAreEachDoneExactlyOnce() {
        List<String> profiles = Workload.names("twice", PROFILES);
        for (int i = 0; i < PROFILES; i++) {
            Workload.createProfile(replica(i), profiles.get(i), i % 2 == 0 ? "srv02" : "srv03");
        }
        cases().forEach(c -> {
            ProxmoxSimulator.TaskCounts before = simulator.taskCounts();
            List<String> operations = new ArrayList<>();
            for (int i = 0; i < c.targets(); i++) {
                operations.add(c.submit().to(replica(i), profiles.get(i)));
            }
            Map<String, JsonNode> ended = Workload.awaitAll(replica(1), operations, BOUND);

            assertThat(ended.values()).as(c.name()).allSatisfy(op -> {
                assertThat(op.get("state").asString()).as(op.toString()).isEqualTo("SUCCEEDED");
                assertThat(op.get("attempts").asInt()).as(op.toString()).isEqualTo(1);
            });
            Map<String, Integer> tasks = Workload.newTasks(simulator, before, c.task());
            assertThat(tasks).as(c.task() + " per VM").hasSize(c.targets());
            assertThat(tasks.values()).as(c.task() + " per VM").containsOnly(1);
        });
        assertThat(simulator.destructiveCallCount()).isZero();
    }

    @Test
    @Order(2)
    void sessionsOpenedOnEitherReplicaEachStartTheirVmOnce() {
        List<String> profiles = Workload.names("twice", PROFILES).subList(0, POWERED);
        ProxmoxSimulator.TaskCounts before = simulator.taskCounts();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < POWERED; i++) {
            sessions.add(openSession(replica(i), profiles.get(i)));
        }

        for (int i = 0; i < POWERED; i++) {
            JsonNode session = awaitSession(replica(i + 1), sessions.get(i), "READY");
            assertThat(session.get("state").asString()).as(session.toString()).isEqualTo("READY");
        }
        Map<String, Integer> starts = Workload.newTasks(simulator, before, "qmstart");
        assertThat(starts).as("qmstart per VM").hasSize(POWERED);
        assertThat(starts.values()).as("qmstart per VM").containsOnly(1);
        sessions.forEach(id -> assertThat(second.api().delete("/api/v1/sessions/" + id).status()).isEqualTo(200));
    }

    @Test
    @Order(3)
    void whenAReplicaIsKilledMidOperationTheOtherFinishesIt() throws Exception {
        Workload.createProfile(first.api(), "orphan", "srv03");
        simulator.faults().taskMillis(6000L);
        ProxmoxSimulator.TaskCounts before = simulator.taskCounts();
        String operation = Workload.submit(first.api(), "orphan", "apply");
        String session = openSession(first.api(), Workload.names("twice", PROFILES).get(POWERED));
        first.api().awaitTaskOfStep(operation, "create VM", Duration.ofSeconds(60));
        // Quartz gives the job to either replica, whichever asked: kill the one that runs it
        boolean firstRunsIt = first.logged().contains("Operation " + operation + " (apply on ");
        Replica killed = firstRunsIt ? first : second;
        Replica survivor = firstRunsIt ? second : first;
        killed.kill();
        simulator.faults().taskMillis(null);

        JsonNode finished = survivor.api().awaitOperation(operation, BOUND);
        JsonNode ready = awaitSession(survivor.api(), session, "READY");
        assertThat(ready.get("state").asString()).as("the session opened before the kill: " + ready).isEqualTo("READY");

        assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
        assertThat(finished.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(Workload.newTasks(simulator, before, "qmcreate").values()).as("creates").containsExactly(1);
        assertThat(survivor.api().get("/api/v1/profiles/orphan/plan").json().get("changes")).isEmpty();
        assertThat(simulator.destructiveCallCount()).isZero();
    }

    private static String openSession(Api replica, String profile) {
        Api.Reply opened = replica.post("/api/v1/sessions", "{\"profile\": \"" + profile + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        return opened.json().get("id").asString();
    }

    /** Waits for the session to reach the state (or to end or fail on the way) and returns it. */
    private static JsonNode awaitSession(Api replica, String id, String state) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        JsonNode session = replica.get("/api/v1/sessions/" + id).json();
        while (System.nanoTime() < deadline) {
            session = replica.get("/api/v1/sessions/" + id).json();
            String now = session.get("state").asString();
            if (now.equals(state) || now.equals("ENDED") || now.equals("FAILED")) {
                return session;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return session;
    }

    private Api replica(int i) {
        return (i % 2 == 0 ? first : second).api();
    }
}
