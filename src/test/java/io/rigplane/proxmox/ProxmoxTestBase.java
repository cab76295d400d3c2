package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.ClientSettings;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.LoopbackOctets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** A real simulator over HTTPS per test class, reset before each test, and a client pinned to it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProxmoxTestBase {

    static final String NODE = "srv02";
    static final Duration WAIT = Duration.ofSeconds(10);

    ProxmoxSimulator sim;
    ProxmoxClient client;

    SimulatorSettings settings() {
        return SimulatorSettings.forTests().withAuthFailureDelay(Duration.ofMillis(20));
    }

    /** Fast retries so fault tests stay quick; the bounds are the production ones. */
    ClientSettings clientSettings() {
        return ClientSettings.defaults().withRetries(5, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    @BeforeAll
    void startSimulator() {
        sim = ProxmoxSimulator.start(settings().withLoopbackOctet(LoopbackOctets.next()));
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
        client = new ProxmoxClient(connection(sim.fingerprint(), null), clientSettings());
    }

    @AfterAll
    void stopSimulator() {
        sim.close();
    }

    ClusterConnection connection(String fingerprint, String caBundle) {
        return ClusterConnection.of("test", sim.url(), sim.settings().token(), fingerprint, caBundle);
    }

    String secret() {
        return sim.settings().tokenSecret();
    }
}
