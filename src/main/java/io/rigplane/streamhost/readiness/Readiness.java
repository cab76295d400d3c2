package io.rigplane.streamhost.readiness;

import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.ProxmoxAgentException;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.streamhost.ReadyStreamHost;
import io.rigplane.streamhost.StreamHostNotReadyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Waits until a profile's stream host can stream: the guest agent reports a reachable address,
 * then {@code /serverinfo} answers 200 there. Pauses grow from 20 ms to at most 250 ms while the
 * guest agent is asked (each look is a Proxmox API call), and to at most 100 ms once only the guest
 * itself is probed, so READY follows the stream host by well under half a second even on a busy
 * machine; the address is read again now and then, in case the guest's DHCP lease changed while
 * Apollo was starting.
 */
@Component
public class Readiness {

    static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    static final Duration MAX_PAUSE = Duration.ofMillis(250);
    /** A refused connection on the guest's LAN costs next to nothing; the Proxmox API is not asked. */
    static final Duration MAX_PROBE_PAUSE = Duration.ofMillis(100);
    private static final Duration ADDRESS_RECHECK = Duration.ofSeconds(3);

    private final ProfileVms vms;
    private final ServerInfoProbe probe;
    private final Clock clock;

    Readiness(ProfileVms vms, ServerInfoProbe probe, Clock clock) {
        this.vms = vms;
        this.probe = probe;
        this.clock = clock;
    }

    public ReadyStreamHost await(String profile, int httpPort, Instant deadline, Consumer<String> progress)
            throws InterruptedException {
        Wait wait = new Wait(profile, httpPort, clock.instant(), progress);
        long pause = FIRST_PAUSE.toMillis();
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped waiting for the stream host of " + profile);
            }
            Optional<ReadyStreamHost> ready = wait.step();
            if (ready.isPresent()) {
                return ready.get();
            }
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                throw new StreamHostNotReadyException(wait.reason(deadline));
            }
            Thread.sleep(Math.min(pause, left));
            pause = Math.min(pause * 2, (wait.knowsAddress() ? MAX_PROBE_PAUSE : MAX_PAUSE).toMillis());
        }
    }

    /** The state of one wait: what has been found so far and the last reason it was not enough. */
    private final class Wait {
        private final String profile;
        private final int httpPort;
        private final Instant started;
        private final Consumer<String> progress;
        private @Nullable VmHandle vm;
        private @Nullable String address;
        private @Nullable Instant addressReadAt;
        private String problem = "nothing was tried yet";
        private boolean agentAnswered;

        Wait(String profile, int httpPort, Instant started, Consumer<String> progress) {
            this.profile = profile;
            this.httpPort = httpPort;
            this.started = started;
            this.progress = progress;
            progress.accept("Waiting for the guest agent to report the VM's address");
        }

        boolean knowsAddress() {
            return address != null;
        }

        Optional<ReadyStreamHost> step() throws InterruptedException {
            if (address == null || clock.instant().isAfter(addressReadAt.plus(ADDRESS_RECHECK))) {
                readAddress();
            }
            if (address == null) {
                return Optional.empty();
            }
            ServerInfoProbe.ProbeResult result = probe.probe(address, httpPort);
            if (result.host() != null) {
                progress.accept("Apollo answers on " + StreamHostPorts.authority(address, httpPort));
                return Optional.of(result.host());
            }
            problem = result.problem();
            return Optional.empty();
        }

        private void readAddress() {
            try {
                if (vm == null) {
                    vm = vms.find(profile).orElse(null);
                    if (vm == null) {
                        problem = "the profile has no VM on Proxmox";
                        return;
                    }
                }
                Optional<String> found = GuestAddresses.reachable(vm.guestInterfaces());
                agentAnswered = true;
                addressReadAt = clock.instant();
                if (found.isEmpty()) {
                    problem = "the guest agent reports only loopback and link-local addresses";
                } else if (!found.get().equals(address)) {
                    address = found.get();
                    progress.accept("Waiting for Apollo on " + StreamHostPorts.authority(address, httpPort));
                }
            } catch (ProxmoxAgentException e) {
                problem = "the guest agent does not answer: " + e.getMessage();
            } catch (ProxmoxException e) {
                problem = "Proxmox could not be asked: " + e.getMessage();
            }
        }

        String reason(Instant deadline) {
            String waited = human(Duration.between(started, deadline));
            String within = " within " + waited;
            if (address != null) {
                return "Apollo did not answer on " + StreamHostPorts.authority(address, httpPort) + within
                        + " (last: " + problem + ")";
            }
            if (vm == null) {
                return "Profile '" + profile + "' has no VM on Proxmox (apply it first); waited " + waited
                        + " (last: " + problem + ")";
            }
            String which = "VM " + vm.vmid() + " on " + vm.node();
            return agentAnswered
                    ? "The guest agent of " + which + " reported no address another machine can reach" + within
                            + " (only loopback and link-local ones)"
                    : "The guest agent of " + which + " never reported an address" + within + " (last: " + problem + ")";
        }
    }

    static String human(Duration d) {
        long seconds = Math.max(0, d.toMillis() + 500) / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
