package io.rigplane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Demo mode wiring, checked with a bare context runner (no application, no web server). */
class SimulatorConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SimulatorConfiguration.class)
            .withPropertyValues("rigplane.simulator.port=0", "rigplane.simulator.auth-failure-delay=0s");

    @Test
    void startsTheSimulatorWhenNoProxmoxIsConfiguredAndStopsItWithTheContext() {
        ProxmoxSimulator[] started = new ProxmoxSimulator[1];
        runner.run(context -> {
            assertThat(context).hasSingleBean(ProxmoxSimulator.class).hasSingleBean(RunningSimulator.class);
            RunningSimulator running = context.getBean(RunningSimulator.class);
            assertThat(running.url()).startsWith("https://127.0.0.1:");
            assertThat(running.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            assertThat(running.token()).isEqualTo(SimulatorSettings.DEMO_TOKEN);
            assertThat(running.toString()).doesNotContain("00000000-0000");
            started[0] = context.getBean(ProxmoxSimulator.class);
            PveTestClient api = PveTestClient.forSimulator(started[0]);
            assertThat(api.get("/nodes").dataList()).hasSize(2);
        });
        PveTestClient after = PveTestClient.forSimulator(started[0]);
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> after.get("/version")))
                .hasMessageContaining("failed");
    }

    @Test
    void staysOffWhenARealProxmoxIsConfiguredOrWhenDisabled() {
        runner.withPropertyValues("rigplane.proxmox.url=https://pve.example:8006")
                .run(context -> assertThat(context).doesNotHaveBean(ProxmoxSimulator.class));
        runner.withPropertyValues("rigplane.simulator.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ProxmoxSimulator.class));
    }
}
