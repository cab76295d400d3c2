package io.rigplane.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, without Spring:
 * {@code java -cp target/classes:$(cat target/classpath.txt) io.rigplane.simulator.SimulatorMain --port 8006}.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorSettings s = SimulatorSettings.defaults().withAuthFailureDelay(Duration.ofSeconds(3));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                usage();
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            String v = args[++i];
            s = switch (arg) {
                case "--port" -> s.withPort(Integer.parseInt(v));
                case "--bind" -> s.withBindAddress(v);
                case "--token" -> s.withToken(v);
                case "--nodes" -> s.withCluster(Integer.parseInt(v), s.gpuNodes(), s.gpusPerNode(), s.vms());
                case "--gpu-nodes" -> s.withCluster(s.nodes(), Integer.parseInt(v), s.gpusPerNode(), s.vms());
                case "--gpus-per-node" -> s.withCluster(s.nodes(), s.gpuNodes(), Integer.parseInt(v), s.vms());
                case "--vms" -> s.withCluster(s.nodes(), s.gpuNodes(), s.gpusPerNode(), Integer.parseInt(v));
                case "--task-millis" -> s.withTaskDuration(Duration.ofMillis(Long.parseLong(v)));
                case "--guest-boot-millis" -> s.withGuestBoot(Duration.ofMillis(Long.parseLong(v)));
                case "--stream-host-delay-millis" -> s.withStreamHostDelay(Duration.ofMillis(Long.parseLong(v)));
                case "--node-boot-millis" -> s.withNodeBoot(Duration.ofMillis(Long.parseLong(v)));
                case "--auth-delay-millis" -> s.withAuthFailureDelay(Duration.ofMillis(Long.parseLong(v)));
                case "--stream-host-port-base" -> s.withStreamHostPortBase(Integer.parseInt(v));
                case "--wol-port" -> s.withWakeOnLanUdpPort(Integer.parseInt(v));
                case "--seed" -> s.withSeed(Long.parseLong(v));
                case "--threads" -> s.withThreads(Integer.parseInt(v));
                default -> throw new IllegalArgumentException("unknown option " + arg + " (try --help)");
            };
        }
        ProxmoxSimulator sim = ProxmoxSimulator.start(s);
        System.out.println("Proxmox VE simulator: " + sim.url() + "/api2/json");
        System.out.println("certificate fingerprint (SHA-256): " + sim.fingerprint());
        System.out.println("API token: " + s.tokenUser() + "!" + s.tokenId() + " (secret as configured)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static void usage() {
        System.out.println("""
                usage: SimulatorMain [--port 8006] [--bind 127.0.0.1] [--token USER@REALM!TOKENID=SECRET]
                                     [--nodes 2] [--gpu-nodes 1] [--gpus-per-node 1] [--vms 1]
                                     [--task-millis 300] [--guest-boot-millis 1500] [--stream-host-delay-millis 1000]
                                     [--node-boot-millis 2000] [--auth-delay-millis 3000]
                                     [--stream-host-port-base 47989] [--wol-port -1] [--seed 42] [--threads 16]""");
    }
}
