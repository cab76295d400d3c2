package io.rigplane.simulator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rigplane.simulator.*}: the in-process demo simulator (started only when
 * {@code rigplane.proxmox.url} is unset). Environment: RIGPLANE_SIMULATOR_PORT, RIGPLANE_SIMULATOR_TOKEN, ….
 */
@ConfigurationProperties("rigplane.simulator")
public record SimulatorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("8006") int port,
        @DefaultValue(SimulatorSettings.DEMO_TOKEN) String token,
        @DefaultValue("rigplane-demo") String rootPassword,
        @DefaultValue("3s") Duration authFailureDelay,
        @DefaultValue("2") int nodes,
        @DefaultValue("1") int gpuNodes,
        @DefaultValue("1") int gpusPerNode,
        @DefaultValue("1") int vms,
        @DefaultValue("2s") Duration taskDuration,
        @DefaultValue("20s") Duration guestBoot,
        @DefaultValue("10s") Duration streamHostDelay,
        @DefaultValue("30s") Duration nodeBoot,
        @DefaultValue("47989") int streamHostPortBase,
        @DefaultValue("-1") int wakeOnLanUdpPort,
        @DefaultValue("42") long seed,
        // threads kept for connections; more are made as connections come and end when idle, so the
        // demo (one Rigplane, a few people) keeps 4 rather than 16 idle on a small box
        @DefaultValue("4") int threads,
        // second octet of the guests' 127.N.x.y addresses: test JVMs running side by side pick their own
        @DefaultValue("0") int loopbackOctet) {

    SimulatorSettings toSettings() {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, authFailureDelay, nodes, gpuNodes,
                gpusPerNode, vms, taskDuration, guestBoot, streamHostDelay, nodeBoot, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, seed, threads, "admin", "admin");
    }
}
