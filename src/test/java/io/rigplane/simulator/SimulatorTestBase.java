package io.rigplane.simulator;

import io.rigplane.support.LoopbackOctets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One simulator per test class (fast settings), reset before every test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SimulatorTestBase {
    ProxmoxSimulator sim;
    PveTestClient api;

    SimulatorSettings settings() {
        return SimulatorSettings.forTests();
    }

    @BeforeAll
    void startSimulator() {
        sim = ProxmoxSimulator.start(settings().withLoopbackOctet(LoopbackOctets.next()));
        api = PveTestClient.forSimulator(sim);
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
        api = PveTestClient.forSimulator(sim);
    }

    @AfterAll
    void stopSimulator() {
        sim.close();
    }

    static String vmPath(int vmid) {
        return "/nodes/srv02/qemu/" + vmid;
    }
}
