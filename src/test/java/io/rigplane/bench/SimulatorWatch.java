package io.rigplane.bench;

import io.rigplane.simulator.ProxmoxSimulator;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes, from the simulator's own state, when each watched stream host starts listening and each
 * watched node comes online: the moments Rigplane cannot know directly and has to find out. Looks
 * every few milliseconds, so a noted time is at most that much late.
 */
final class SimulatorWatch implements AutoCloseable {

    static final long LOOK_EVERY_MILLIS = 5;

    private final ProxmoxSimulator simulator;
    private final Collection<Integer> vmids;
    private final Collection<String> nodes;
    private final Map<Integer, Instant> streamHostReady = new ConcurrentHashMap<>();
    private final Map<String, Instant> nodeOnline = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean watching = true;

    SimulatorWatch(ProxmoxSimulator simulator, Collection<Integer> vmids, Collection<String> nodes) {
        this.simulator = simulator;
        this.vmids = vmids;
        this.nodes = nodes;
        this.thread = new Thread(this::watch, "bench-simulator-watch");
        thread.setDaemon(true);
        thread.start();
    }

    Optional<Instant> streamHostReady(int vmid) {
        return Optional.ofNullable(streamHostReady.get(vmid));
    }

    Optional<Instant> nodeOnline(String node) {
        return Optional.ofNullable(nodeOnline.get(node));
    }

    private void watch() {
        while (watching) {
            for (int vmid : vmids) {
                if (!streamHostReady.containsKey(vmid)
                        && Boolean.TRUE.equals(simulator.streamHostAddress(vmid).get("ready"))) {
                    streamHostReady.put(vmid, Instant.now());
                }
            }
            for (String node : nodes) {
                if (!nodeOnline.containsKey(node) && simulator.isNodeOnline(node)) {
                    nodeOnline.put(node, Instant.now());
                }
            }
            try {
                Thread.sleep(LOOK_EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        thread.interrupt();
        thread.join();
    }
}
