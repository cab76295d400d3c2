package io.rigplane.session.wol;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens for Wake-on-LAN magic packets on the configured UDP ports, so that Moonlight's and
 * Artemis's own "Wake PC" opens a session. The receiving threads only parse and filter by source
 * network; everything that may wait (the database, Proxmox, the session core) runs on one worker
 * with a bounded queue, and what does not fit is dropped and counted. A port that cannot be bound
 * (taken, or below 1024 without the privilege) is logged and skipped: the rest of Rigplane runs on.
 */
@Component
public class WakeOnLanListener implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WakeOnLanListener.class);
    private static final int QUEUE = 256;

    private final WakeOnLanProperties properties;
    private final WakeOnLanNetworks networks;
    private final WakeOnLanWaker waker;
    private final WakeOnLanTargets targets;
    private final Map<WakeOnLanOutcome, Counter> counters;
    private final List<DatagramSocket> sockets = new CopyOnWriteArrayList<>();
    private @Nullable ThreadPoolExecutor worker;
    private @Nullable ScheduledExecutorService refresher;
    private volatile boolean running;

    WakeOnLanListener(WakeOnLanProperties properties, WakeOnLanWaker waker, WakeOnLanTargets targets,
            MeterRegistry registry) {
        this.properties = properties;
        this.networks = WakeOnLanNetworks.of(properties.wolAllowedNetworks());
        this.waker = waker;
        this.targets = targets;
        this.counters = WakeOnLanOutcome.counters(registry);
    }

    @Override
    public void start() {
        running = true;
        if (properties.wolPorts().isEmpty()) {
            LOG.info("Wake-on-LAN listener off (rigplane.sessions.wol-ports is empty)");
            return;
        }
        worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                daemon("wol-worker"));
        for (int port : properties.wolPorts()) {
            bind(port).ifPresent(this::receiveOn);
        }
        refresher = Executors.newSingleThreadScheduledExecutor(daemon("wol-mac-refresh"));
        refresher.scheduleWithFixedDelay(this::refreshTargets, 0, properties.wolMacCache().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The bound UDP ports (the chosen ones where 0 was asked). */
    public List<Integer> ports() {
        return sockets.stream().map(DatagramSocket::getLocalPort).toList();
    }

    private Optional<DatagramSocket> bind(int port) {
        try {
            DatagramSocket socket = new DatagramSocket(null);
            // Rigplane's replicas (or a restart) on one host share the port; broadcasts reach each
            socket.setReuseAddress(true);
            socket.setBroadcast(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(properties.wolBind()), port));
            LOG.info("Wake-on-LAN listener on udp {}:{}", properties.wolBind(), socket.getLocalPort());
            return Optional.of(socket);
        } catch (IOException e) {
            LOG.error("Wake-on-LAN listener cannot bind udp {}:{} ({}); magic packets to this port are not heard",
                    properties.wolBind(), port, e.getMessage());
            return Optional.empty();
        }
    }

    private void receiveOn(DatagramSocket socket) {
        sockets.add(socket);
        daemon("wol-udp-" + socket.getLocalPort()).newThread(() -> receive(socket)).start();
    }

    private void receive(DatagramSocket socket) {
        // larger than any magic packet, so that an oversized datagram shows its real length
        byte[] buffer = new byte[512];
        while (running && !socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.debug("Wake-on-LAN receive failed: {}", e.getMessage());
                continue;
            }
            handle(packet);
        }
    }

    private void handle(DatagramPacket packet) {
        Optional<String> mac = WakeOnLanPacket.mac(packet.getData(), packet.getOffset(), packet.getLength());
        if (mac.isEmpty()) {
            count(WakeOnLanOutcome.MALFORMED);
            return;
        }
        InetAddress from = packet.getAddress();
        String source = from.getHostAddress();
        try {
            if (!networks.allows(from)) {
                count(WakeOnLanOutcome.NETWORK_REFUSED);
                submit(() -> waker.refusedNetwork(source));
                return;
            }
            submit(() -> count(waker.wake(mac.get(), source)));
        } catch (RejectedExecutionException full) {
            count(WakeOnLanOutcome.OVERLOADED);
        }
    }

    private void submit(Runnable task) {
        ThreadPoolExecutor current = worker;
        if (current == null) {
            throw new RejectedExecutionException("stopped");
        }
        current.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Wake-on-LAN: handling a magic packet failed", e);
            }
        });
    }

    private void refreshTargets() {
        try {
            targets.refresh();
        } catch (RuntimeException e) {
            LOG.debug("Wake-on-LAN: reading the VMs' MACs failed: {}", e.getMessage());
        }
    }

    private void count(WakeOnLanOutcome outcome) {
        counters.get(outcome).increment();
    }

    @Override
    public void stop() {
        running = false;
        sockets.forEach(DatagramSocket::close);
        sockets.clear();
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
