package io.rigplane.simulator;

import java.time.Duration;

/**
 * How a simulator is built: where it listens, which token it accepts, the cluster's size and the
 * durations of the things that take time on a real cluster.
 *
 * @param bindAddress       address of the API listener (127.0.0.1 by default)
 * @param port              API port; 0 picks a free one
 * @param token             the accepted API token, {@code USER@REALM!TOKENID=SECRET}
 * @param rootPassword      password of {@code root@pam} for {@code POST /access/ticket}
 * @param authFailureDelay  how long a 401 is held back (the real server waits about 3 s)
 * @param nodes             number of nodes, named srv02, srv03, …
 * @param gpuNodes          how many of the first nodes carry GPUs
 * @param gpusPerNode       RTX 3070 cards per GPU node, exposed as cluster mappings rtx3070, rtx3070-2, …
 * @param vms               gaming VMs created at start (VMID 100, 101, … on the GPU nodes first)
 * @param taskDuration      how long a worker task runs
 * @param guestBoot         time from VM start until the guest agent answers
 * @param streamHostDelay   time from the guest agent answering until the stream host listens
 * @param nodeBoot          time a woken node needs until it is online
 * @param streamHostPortBase first stream-host port (47989 as in Apollo); HTTPS config API at +1
 * @param loopbackOctet     second octet of the VMs' 127.N.x.y addresses, to keep simulators apart
 * @param wakeOnLanUdpPort  UDP port for magic packets; -1 disables the listener, 0 picks a free one
 * @param seed              seed of every random choice (faults, MACs, UUIDs)
 * @param threads           size of the API server's thread pool
 * @param apolloUser        stream-host config API user
 * @param apolloPassword    stream-host config API password
 */
public record SimulatorSettings(String bindAddress, int port, String token, String rootPassword,
                                Duration authFailureDelay, int nodes, int gpuNodes, int gpusPerNode, int vms,
                                Duration taskDuration, Duration guestBoot, Duration streamHostDelay, Duration nodeBoot,
                                int streamHostPortBase, int loopbackOctet, int wakeOnLanUdpPort, long seed, int threads,
                                String apolloUser, String apolloPassword) {

    public static final String DEMO_TOKEN = "root@pam!rigplane=00000000-0000-0000-0000-000000000000";

    public SimulatorSettings {
        if (token == null || !token.matches("[^@!=\\s]+@[^@!=\\s]+![A-Za-z][A-Za-z0-9._-]*=\\S+")) {
            throw new IllegalArgumentException("token must look like USER@REALM!TOKENID=SECRET");
        }
        if (nodes < 1 || gpuNodes < 0 || gpusPerNode < 0 || vms < 0) {
            throw new IllegalArgumentException("cluster size must be positive");
        }
    }

    /** The demo cluster: srv02 with an RTX 3070, srv03 without GPU, one stopped gaming VM. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("127.0.0.1", 8006, DEMO_TOKEN, "rigplane-demo", Duration.ZERO, 2, 1, 1, 1,
                Duration.ofMillis(300), Duration.ofMillis(1500), Duration.ofMillis(1000), Duration.ofSeconds(2),
                47989, 0, -1, 42L, 16, "admin", "admin");
    }

    /** Fast settings for tests: free port, short durations, no stream-host port collisions. */
    public static SimulatorSettings forTests() {
        return defaults().withPort(0).withTaskDuration(Duration.ofMillis(50)).withGuestBoot(Duration.ofMillis(200))
                .withStreamHostDelay(Duration.ofMillis(100)).withNodeBoot(Duration.ofMillis(200))
                .withStreamHostPortBase(0);
    }

    public String tokenUser() {
        return token.substring(0, token.indexOf('!'));
    }

    public String tokenId() {
        return token.substring(token.indexOf('!') + 1, token.indexOf('='));
    }

    public String tokenSecret() {
        return token.substring(token.indexOf('=') + 1);
    }

    public SimulatorSettings withPort(int v) {
        return new SimulatorSettings(bindAddress, v, token, rootPassword, authFailureDelay, nodes, gpuNodes, gpusPerNode,
                vms, taskDuration, guestBoot, streamHostDelay, nodeBoot, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withBindAddress(String v) {
        return new SimulatorSettings(v, port, token, rootPassword, authFailureDelay, nodes, gpuNodes, gpusPerNode,
                vms, taskDuration, guestBoot, streamHostDelay, nodeBoot, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withToken(String v) {
        return new SimulatorSettings(bindAddress, port, v, rootPassword, authFailureDelay, nodes, gpuNodes, gpusPerNode,
                vms, taskDuration, guestBoot, streamHostDelay, nodeBoot, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withAuthFailureDelay(Duration v) {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, v, nodes, gpuNodes, gpusPerNode,
                vms, taskDuration, guestBoot, streamHostDelay, nodeBoot, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withCluster(int nodeCount, int gpuNodeCount, int gpusEach, int vmCount) {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, authFailureDelay, nodeCount, gpuNodeCount,
                gpusEach, vmCount, taskDuration, guestBoot, streamHostDelay, nodeBoot, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withTaskDuration(Duration v) {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, authFailureDelay, nodes, gpuNodes,
                gpusPerNode, vms, v, guestBoot, streamHostDelay, nodeBoot, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withGuestBoot(Duration v) {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, authFailureDelay, nodes, gpuNodes,
                gpusPerNode, vms, taskDuration, v, streamHostDelay, nodeBoot, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withStreamHostDelay(Duration v) {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, authFailureDelay, nodes, gpuNodes,
                gpusPerNode, vms, taskDuration, guestBoot, v, nodeBoot, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withNodeBoot(Duration v) {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, authFailureDelay, nodes, gpuNodes,
                gpusPerNode, vms, taskDuration, guestBoot, streamHostDelay, v, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withStreamHostPortBase(int v) {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, authFailureDelay, nodes, gpuNodes,
                gpusPerNode, vms, taskDuration, guestBoot, streamHostDelay, nodeBoot, v, loopbackOctet,
                wakeOnLanUdpPort, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withLoopbackOctet(int v) {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, authFailureDelay, nodes, gpuNodes,
                gpusPerNode, vms, taskDuration, guestBoot, streamHostDelay, nodeBoot, streamHostPortBase, v,
                wakeOnLanUdpPort, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withWakeOnLanUdpPort(int v) {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, authFailureDelay, nodes, gpuNodes,
                gpusPerNode, vms, taskDuration, guestBoot, streamHostDelay, nodeBoot, streamHostPortBase, loopbackOctet,
                v, seed, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withSeed(long v) {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, authFailureDelay, nodes, gpuNodes,
                gpusPerNode, vms, taskDuration, guestBoot, streamHostDelay, nodeBoot, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, v, threads, apolloUser, apolloPassword);
    }

    public SimulatorSettings withThreads(int v) {
        return new SimulatorSettings(bindAddress, port, token, rootPassword, authFailureDelay, nodes, gpuNodes,
                gpusPerNode, vms, taskDuration, guestBoot, streamHostDelay, nodeBoot, streamHostPortBase, loopbackOctet,
                wakeOnLanUdpPort, seed, v, apolloUser, apolloPassword);
    }
}
