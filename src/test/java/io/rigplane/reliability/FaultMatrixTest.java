package io.rigplane.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Applies, starts and stops under each fault the simulated cluster can throw at the service.
 * PostgreSQL restarting is the row of {@link DatabaseRestartTest}, which needs a server of its own.
 */
@IntegrationTest
class FaultMatrixTest {

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    static Stream<FaultRow> rows() {
        return Stream.of(
                FaultRow.absorbed("latency spikes", w -> w.simulator().faults().latencyMillis(100)),
                FaultRow.failing("HTTP 500", w -> w.simulator().faults().reseed(5).errorRate(0.3).errorStatus(500),
                        "(?i).*(500|internal|server error).*"),
                FaultRow.failing("HTTP 596", w -> w.simulator().faults().reseed(5).errorRate(0.3).errorStatus(596),
                        "(?i).*(596|connection|timed out).*"),
                FaultRow.failing("lock contention", w -> w.simulator().faults().reseed(5).lockContentionRate(0.5),
                        "(?i).*can't lock file.*got timeout.*"),
                FaultRow.failing("failed tasks", w -> w.simulator().faults().reseed(5).taskFailureRate(0.5),
                        "(?i).*task qm\\w+ on srv\\d+ failed: .+"),
                FaultRow.failing("node offline", w -> w.simulator().setNodeOnline("srv03", false),
                        "(?i).*srv03.*(unreachable|offline).*")
                        .healedBy(w -> w.simulator().setNodeOnline("srv03", true)));
    }

    /**
     * The row for sessions: the VM boots but Apollo never answers. Each session fails with the
     * reason within its profile's timeout, and the VMs started for them do not stay up.
     */
    @Test
    void streamHostNeverReady() {
        Api api = Api.at(port);
        List<String> profiles = Workload.names("mute-host", 3);
        for (String profile : profiles) {
            Workload.createProfile(api, profile, "srv02");
            assertThat(api.awaitOperation(Workload.submit(api, profile, "apply"), Duration.ofSeconds(60))
                    .get("state").asString()).isEqualTo("SUCCEEDED");
            assertThat(api.put("/api/v1/profiles/" + profile + "/session-settings",
                    "{\"streamHostTimeoutSeconds\": 5, \"graceSeconds\": 0}").status()).isEqualTo(200);
        }
        int destructive = simulator.destructiveCallCount();
        simulator.faults().streamHostNeverReady(true);

        List<String> sessions = profiles.stream().map(profile -> api.post("/api/v1/sessions",
                "{\"profile\": \"" + profile + "\"}").json().get("id").asString()).toList();

        for (String id : sessions) {
            JsonNode session = awaitFinished(api, id);
            assertThat(session.get("state").asString()).as(session.toString()).isEqualTo("FAILED");
            assertThat(session.get("reason").asString()).as(session.toString())
                    .matches("(?i).*(apollo|stream host).*(did not answer|never).*");
        }
        for (String profile : profiles) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!api.get("/api/v1/profiles/" + profile + "/status").json().get("power").asString().equals("stopped")
                    && System.nanoTime() < deadline) {
                sleep(200);
            }
            assertThat(api.get("/api/v1/profiles/" + profile + "/status").json().get("power").asString())
                    .as(profile + " after its failed session").isEqualTo("stopped");
        }
        assertThat(simulator.destructiveCallCount()).isEqualTo(destructive);
    }

    private static JsonNode awaitFinished(Api api, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode session = api.get("/api/v1/sessions/" + id).json();
        while (!Set.of("ENDED", "FAILED").contains(session.get("state").asString()) && System.nanoTime() < deadline) {
            sleep(200);
            session = api.get("/api/v1/sessions/" + id).json();
        }
        return session;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void heal() {
        simulator.faults().clear();
        simulator.setNodeOnline("srv03", true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void nothingLostNothingStuckEveryFailureExplained(FaultRow row) throws Exception {
        FaultMatrix.check(row, new FaultRow.World(simulator, null, Api.at(port)));
    }
}
