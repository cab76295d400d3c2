package io.rigplane.reliability;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
                        .healedBy(w -> w.simulator().setNodeOnline("srv03", true)),
                FaultRow.missing("stream host never ready", "wake-and-stream sessions (issue 7)"));
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
