package io.rigplane.streamhost;

import io.rigplane.streamhost.apollo.ClientAccess;
import io.rigplane.streamhost.readiness.Readiness;
import io.rigplane.streamhost.settings.StreamHostConfigs;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The stream host (Apollo or Sunshine) inside a profile's VM, for the session code: wait until it
 * can stream, tell a thin client how to connect, and see whether the client streams now.
 */
@Service
public class StreamHosts {

    private final StreamHostConfigs configs;
    private final Readiness readiness;
    private final ClientAccess clients;

    StreamHosts(StreamHostConfigs configs, Readiness readiness, ClientAccess clients) {
        this.configs = configs;
        this.readiness = readiness;
        this.clients = clients;
    }

    /**
     * Polls the guest agent for the VM's address, then {@code GET http://ADDR:httpPort/serverinfo}
     * until it answers 200. Pauses between probes grow but never exceed 100 ms once the address is
     * known, so this returns well within half a second of the stream host becoming ready.
     *
     * @param progress gets short texts for the UI as the wait moves on
     * @throws StreamHostNotReadyException at the deadline, with the step that never happened
     * @throws InterruptedException        when the waiting thread is interrupted
     */
    public ReadyStreamHost awaitReady(String profile, Instant deadline, Consumer<String> progress)
            throws InterruptedException {
        return readiness.await(profile, configs.effective(profile).httpPort(), deadline, progress);
    }

    /**
     * What a thin client needs to connect. A client of that name that Apollo lists as paired gets the
     * {@code art://launch?…} link; otherwise Rigplane asks Apollo for a one-time pairing code and
     * returns the {@code art://HOST:PORT?pin=…} link with {@code pairingRequired}.
     *
     * @param clientName the device's name, as the client will be named in Apollo
     * @throws StreamHostException when Apollo cannot be reached, refuses the login or errs
     */
    public ConnectionOffer offer(String profile, ReadyStreamHost host, String clientName) {
        return clients.offer(profile, host, clientName);
    }

    /**
     * The named client as Apollo lists it now. A client that paired with a code from {@link #offer}
     * gets launch and input permissions here, once. Empty when Apollo cannot be asked (the reason is
     * logged) or the stream host is Sunshine, which reports no connected clients: fall back to heartbeats.
     */
    public Optional<ClientPresence> presence(String profile, ReadyStreamHost host, String clientName) {
        return clients.presence(profile, host, clientName);
    }
}
