package io.rigplane.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Starts and stops the VMs' Apollo stream hosts, keeps their state across VM restarts, and plays the
 * Moonlight/Artemis side for tests (pair with a PIN, connect, disconnect).
 */
final class StreamHosts {
    private static final System.Logger LOG = System.getLogger(StreamHosts.class.getName());

    private final SimulatorSettings settings;
    private final Map<Integer, ApolloState> states = new ConcurrentHashMap<>();
    private final Map<Integer, StreamHost> running = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "apollo-sim");
        t.setDaemon(true);
        return t;
    });
    private volatile SelfSignedCertificate certificate;

    StreamHosts(SimulatorSettings settings) {
        this.settings = settings;
    }

    ApolloState state(int vmid, String hostname) {
        return states.computeIfAbsent(vmid, id -> new ApolloState(UUID.randomUUID().toString().toUpperCase(),
                hostname, UUID.randomUUID().toString().toUpperCase(), UUID.randomUUID().toString().toUpperCase()));
    }

    /** Binds the VM's stream host on its 127.x.y.z address; falls back to 127.0.0.1 with free ports. */
    synchronized StreamHost start(int vmid, String ip, String hostname, Supplier<String> mac) {
        stop(vmid);
        if (certificate == null) {
            certificate = SelfSignedCertificate.generate("apollo");
        }
        ApolloState state = state(vmid, hostname);
        StreamHost host;
        try {
            host = new StreamHost(ip, settings.streamHostPortBase(), certificate.sslContext(), executor, state, mac,
                    settings.apolloUser(), settings.apolloPassword());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "cannot bind stream host of VM " + vmid + " on " + ip
                    + " (" + e.getMessage() + "), using 127.0.0.1 with free ports");
            try {
                host = new StreamHost("127.0.0.1", 0, certificate.sslContext(), executor, state, mac,
                        settings.apolloUser(), settings.apolloPassword());
            } catch (IOException again) {
                throw new IllegalStateException("cannot bind a stream host for VM " + vmid, again);
            }
        }
        running.put(vmid, host);
        return host;
    }

    StreamHost running(int vmid) {
        return running.get(vmid);
    }

    void stop(int vmid) {
        StreamHost host = running.remove(vmid);
        if (host != null) {
            host.close();
        }
        ApolloState s = states.get(vmid);
        if (s != null) {
            synchronized (s) {
                s.currentApp = "";
                s.clients.values().forEach(c -> c.put("connected", false));
            }
        }
    }

    void forget(int vmid) {
        stop(vmid);
        states.remove(vmid);
    }

    void reset() {
        running.keySet().forEach(this::stop);
        states.clear();
    }

    void shutdown() {
        reset();
        executor.shutdownNow();
    }

    /** A Moonlight/Artemis client paired directly (as if the PIN dance happened); returns its uuid. */
    Map<String, Object> pairClient(int vmid, String hostname, String name) {
        ApolloState s = state(vmid, hostname);
        synchronized (s) {
            Map<String, Object> c = ApolloState.newClient(name, UUID.randomUUID().toString().toUpperCase());
            s.clients.put((String) c.get("uuid"), c);
            return new LinkedHashMap<>(c);
        }
    }

    /** Pairs like Artemis with an {@code art://…?pin=&passphrase=} link: only a valid, unexpired OTP works. */
    Map<String, Object> pairWithOtp(int vmid, String hostname, String pin, String passphrase, String name) {
        ApolloState s = state(vmid, hostname);
        synchronized (s) {
            if (s.otpPin == null || System.currentTimeMillis() > s.otpExpiresAtMillis || !s.otpPin.equals(pin)
                    || !s.otpPassphrase.equals(passphrase)) {
                throw new IllegalArgumentException("pairing refused: wrong or expired one-time PIN");
            }
            s.otpPin = null;
            String clientName = s.otpDeviceName == null || s.otpDeviceName.isEmpty() ? name : s.otpDeviceName;
            Map<String, Object> c = ApolloState.newClient(clientName, UUID.randomUUID().toString().toUpperCase());
            s.clients.put((String) c.get("uuid"), c);
            return new LinkedHashMap<>(c);
        }
    }

    /** A paired client starts streaming: needs the host up, and launch (or view of a running app). */
    void connect(int vmid, String clientUuid) {
        if (!running.containsKey(vmid)) {
            throw new IllegalStateException("stream host of VM " + vmid + " is not running");
        }
        ApolloState s = states.get(vmid);
        synchronized (s) {
            Map<String, Object> c = s.clients.get(clientUuid);
            if (c == null) {
                throw new IllegalArgumentException("client " + clientUuid + " is not paired");
            }
            if (s.currentApp.isEmpty()) {
                if (!s.hasPerm(c, ApolloState.PERM_LAUNCH)) {
                    throw new IllegalStateException("client lacks the launch permission");
                }
                s.currentApp = (String) s.apps.get(0).get("uuid");
            } else if (!s.hasPerm(c, ApolloState.PERM_VIEW)) {
                throw new IllegalStateException("client lacks the view permission");
            }
            c.put("connected", true);
        }
    }

    /** The client leaves; the app keeps running, paused, as Apollo does. */
    void disconnect(int vmid, String clientUuid) {
        ApolloState s = states.get(vmid);
        if (s == null) {
            throw new IllegalArgumentException("VM " + vmid + " has no stream host");
        }
        synchronized (s) {
            Map<String, Object> c = s.clients.get(clientUuid);
            if (c == null) {
                throw new IllegalArgumentException("client " + clientUuid + " is not paired");
            }
            c.put("connected", false);
        }
    }
}
