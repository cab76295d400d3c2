package io.rigplane.streamhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigplane.provisioning.ProfileVms;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** READY follows the simulated Apollo's readiness closely; a stream host that never comes says why. */
@IntegrationTest
class StreamHostReadinessTest {

    @LocalServerPort
    int port;

    @Autowired
    StreamHosts streamHosts;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    ProfileVms vms;

    StreamHostFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new StreamHostFixtures(Api.at(port));
        simulator.faults().clear();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    @Test
    void readyFollowsTheStreamHostWithinHalfASecond() throws Exception {
        String name = fixtures.started("sh-ready");
        int vmid = vms.find(name).orElseThrow().vmid();
        // the moment the simulated Apollo starts listening, seen from inside the simulator
        AtomicLong listeningAt = new AtomicLong();
        CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
            while (!Boolean.TRUE.equals(simulator.streamHostAddress(vmid).get("ready"))) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            listeningAt.set(System.nanoTime());
        });
        List<String> progress = new CopyOnWriteArrayList<>();

        ReadyStreamHost host = streamHosts.awaitReady(name, Instant.now().plusSeconds(30), progress::add);
        long readyAt = System.nanoTime();
        watcher.get(5, TimeUnit.SECONDS);

        long lagMillis = TimeUnit.NANOSECONDS.toMillis(readyAt - listeningAt.get());
        System.out.printf("stream host listening -> READY: %d ms%n", lagMillis);
        assertThat(lagMillis).isLessThan(500);
        Map<String, Object> actual = simulator.streamHostAddress(vmid);
        assertThat(host.address()).isEqualTo(actual.get("ip")).startsWith("127.").isNotEqualTo("127.0.0.1");
        assertThat(host.httpPort()).isEqualTo(actual.get("httpPort")).isEqualTo(47989);
        assertThat(host.hostName()).isNotBlank();
        assertThat(host.uniqueId()).matches("[0-9A-F-]{36}");
        assertThat(progress).containsExactly("Waiting for the guest agent to report the VM's address",
                "Waiting for Apollo on " + host.authority(), "Apollo answers on " + host.authority());
    }

    @Test
    void aStreamHostThatNeverListensIsReportedWithItsAddressAtTheDeadline() {
        simulator.faults().streamHostNeverReady(true);
        String name = fixtures.started("sh-silent");

        assertThatThrownBy(() -> streamHosts.awaitReady(name, Instant.now().plusSeconds(3), p -> { }))
                .isInstanceOf(StreamHostNotReadyException.class)
                .hasMessageMatching("Apollo did not answer on 127\\.\\d+\\.\\d+\\.\\d+:47989 within 3 s"
                        + " \\(last: connection refused\\)");
    }

    @Test
    void aGuestWhoseAgentNeverAnswersIsReportedAsSuch() {
        simulator.faults().guestNeverReady(true);
        String name = fixtures.started("sh-noagent");
        int vmid = vms.find(name).orElseThrow().vmid();

        assertThatThrownBy(() -> streamHosts.awaitReady(name, Instant.now().plusSeconds(1), p -> { }))
                .isInstanceOf(StreamHostNotReadyException.class)
                .hasMessageStartingWith("The guest agent of VM " + vmid + " on srv03 never reported an address within 1 s")
                .hasMessageContaining("guest agent is not running");
    }

    @Test
    void aProfileWithoutAVmIsReportedAsSuch() {
        String name = fixtures.profile("sh-novm");

        assertThatThrownBy(() -> streamHosts.awaitReady(name, Instant.now().plusMillis(300), p -> { }))
                .isInstanceOf(StreamHostNotReadyException.class)
                .hasMessageStartingWith("Profile '" + name + "' has no VM on Proxmox (apply it first)");
    }

    @Test
    void waitingStopsWhenTheThreadIsInterrupted() throws Exception {
        simulator.faults().streamHostNeverReady(true);
        String name = fixtures.started("sh-interrupt");
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                streamHosts.awaitReady(name, Instant.now().plusSeconds(60), p -> { });
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        waiting.start();
        Thread.sleep(300);
        long interruptedAt = System.nanoTime();
        waiting.interrupt();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(Duration.ofSeconds(2));
    }
}
