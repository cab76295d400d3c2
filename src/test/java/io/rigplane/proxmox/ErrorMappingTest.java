package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.ClientSettings;
import io.rigplane.proxmox.internal.ConnectionCheck;
import io.rigplane.proxmox.internal.ProxmoxAuthenticationException;
import io.rigplane.proxmox.internal.ProxmoxParameterException;
import io.rigplane.proxmox.internal.ProxmoxTimeoutException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Real error answers of the simulator become the specific exceptions, with stable problem types. */
class ErrorMappingTest extends ProxmoxTestBase {

    @Test
    void aMissingVmIsNotFound() {
        assertThatThrownBy(() -> client.config(NODE, 999)).isInstanceOf(ProxmoxNotFoundException.class)
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(((ProxmoxException) e).status()).isEqualTo(HttpStatus.NOT_FOUND))
                .satisfies(e -> assertThat(((ProxmoxException) e).type().toString())
                        .isEqualTo("https://rigplane.io/problems/proxmox-not-found"));
    }

    @Test
    void aLockedVmCarriesTheLockName() throws InterruptedException {
        sim.faults().taskMillis(3_000L);
        Upid snapshot = client.createSnapshot(NODE, 100, "long_one", null, false);
        for (int i = 0; i < 100 && client.status(NODE, 100).lock() == null; i++) {
            Thread.sleep(10);
        }
        assertThat(client.status(NODE, 100).lock()).isEqualTo("snapshot");
        ProxmoxClient impatient = new ProxmoxClient(connection(sim.fingerprint(), null),
                ClientSettings.defaults().withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)));
        assertThatThrownBy(() -> impatient.updateConfigNow(NODE, 100, Map.of("cores", "4"), List.of(), null))
                .isInstanceOfSatisfying(ProxmoxLockedException.class, e -> {
                    assertThat(e.lock()).isEqualTo("snapshot");
                    assertThat(e.node()).isEqualTo(NODE);
                    assertThat(e.vmid()).isEqualTo(100);
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.toProblem().getProperties()).containsEntry("lock", "snapshot");
                });
        sim.faults().taskMillis(null);
        assertThat(snapshot.type()).isEqualTo("qmsnapshot");
    }

    @Test
    void aBusyConfigFileLockIsALockToo() {
        sim.faults().lockContentionRate(1.0);
        assertThatThrownBy(() -> client.updateConfigNow(NODE, 100, Map.of("cores", "4"), List.of(), null))
                .isInstanceOfSatisfying(ProxmoxLockedException.class, e -> assertThat(e.lock()).isEqualTo("config"))
                .hasMessageContaining("got timeout");
        // asynchronous calls take the lock inside their task: the failure says it was contention
        Upid update = client.updateConfig(NODE, 100, Map.of("cores", "4"), List.of(), null);
        assertThatThrownBy(() -> client.await(update, WAIT))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> assertThat(e.lockContention()).isTrue());
    }

    @Test
    void aBadParameterGivesFieldMessages() {
        assertThatThrownBy(() -> client.updateConfig(NODE, 100, Map.of("cores", "many"), List.of(), null))
                .isInstanceOfSatisfying(ProxmoxParameterException.class, e -> {
                    assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("cores"));
                    assertThat(e.toProblem().getType().toString()).endsWith("/proxmox-parameter");
                });
    }

    @Test
    void aStaleDigestIsAConfigChangedMeanwhile() {
        String digest = client.config(NODE, 100).digest();
        client.await(client.updateConfig(NODE, 100, Map.of("cores", "6"), List.of(), digest), WAIT);
        // qemu-server checks the digest before it forks the worker: the call itself is refused
        assertThatThrownBy(() -> client.updateConfig(NODE, 100, Map.of("cores", "4"), List.of(), digest))
                .isInstanceOfSatisfying(ProxmoxConfigChangedException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessageContaining("checksum mismatch (file change by other user?)");
        assertThatThrownBy(() -> client.updateConfigNow(NODE, 100, Map.of("cores", "4"), List.of(), digest))
                .isInstanceOf(ProxmoxConfigChangedException.class);
        assertThat(client.config(NODE, 100).values()).containsEntry("cores", "6");
    }

    @Test
    void rootOnlyRefusalsAreNeitherUnavailableNorRetried() {
        assertThatThrownBy(() -> client.updateConfigNow(NODE, 100, Map.of("args", "-cpu host"), List.of(), null))
                .isInstanceOfSatisfying(ProxmoxRootOnlyException.class, e -> assertThat(e.key()).isEqualTo("args"))
                .hasMessageContaining("only root can set 'args' config");
        // POST config checks devices inside its worker: the task fails, and not on a lock
        Upid raw = client.updateConfig(NODE, 100, Map.of("hostpci1", "host=0000:01:00"), List.of(), null);
        assertThatThrownBy(() -> client.await(raw, WAIT)).isInstanceOfSatisfying(TaskFailedException.class,
                e -> assertThat(e.lockContention()).isFalse())
                .hasMessageContaining("only root can set 'hostpci1' config for non-mapped devices");
        assertThatThrownBy(() -> client.updateConfigNow(NODE, 100, Map.of("hostpci1", "0000:01:00"), List.of(), null))
                .isInstanceOfSatisfying(ProxmoxRootOnlyException.class, e -> assertThat(e.key()).isEqualTo("hostpci1"))
                .hasMessageContaining("for non-mapped devices");
        assertThatThrownBy(() -> client.updateConfigNow(NODE, 100, Map.of("hostpci1", "mapping=rtx3070,romfile=x.rom"),
                List.of(), null)).isInstanceOfSatisfying(ProxmoxParameterException.class,
                        e -> assertThat(e.errors().toString()).contains("only root@pam can set 'romfile' option"));
        assertThat(client.config(NODE, 100).values()).doesNotContainKeys("args", "hostpci1");
    }

    @Test
    void anOfflineNodeIsUnavailable() {
        sim.setNodeOnline("srv03", false);
        assertThatThrownBy(() -> client.nodeStatus("srv03")).isInstanceOfSatisfying(ProxmoxUnavailableException.class,
                e -> {
                    assertThat(e.proxmoxStatus()).isEqualTo(595);
                    assertThat(e.type().toString()).endsWith("/proxmox-unavailable");
                });
    }

    @Test
    void aWrongTokenIsAnAuthenticationError() {
        ProxmoxClient wrong = new ProxmoxClient(ClusterConnection.of("test", sim.url(),
                "root@pam!rigplane=ffffffff-0000-0000-0000-000000000000", sim.fingerprint(), null), clientSettings());
        assertThatThrownBy(wrong::nodes).isInstanceOfSatisfying(ProxmoxAuthenticationException.class,
                e -> assertThat(e.proxmoxStatus()).isEqualTo(401))
                .message().doesNotContain("ffffffff-0000-0000-0000-000000000000");
        ConnectionCheck check = wrong.check();
        assertThat(check.reachable()).isTrue();
        assertThat(check.certificateMatches()).isTrue();
        assertThat(check.tokenValid()).isFalse();
        assertThat(check.ok()).isFalse();
    }

    @Test
    void theGuestAgentNotRunningIsItsOwnError() {
        assertThat(client.agentPing(NODE, 100)).isFalse();
        assertThatThrownBy(() -> client.guestInterfaces(NODE, 100)).isInstanceOf(ProxmoxAgentException.class);
    }

    @Test
    void aFailedTaskCarriesItsExitStatusAndLogTail() {
        sim.faults().taskFailureRate(1.0);
        Upid start = client.start(NODE, 100);
        assertThatThrownBy(() -> client.await(start, WAIT)).isInstanceOfSatisfying(TaskFailedException.class, e -> {
            assertThat(e.upid()).isEqualTo(start);
            assertThat(e.exitStatus()).contains("simulated failure");
            assertThat(e.logTail()).isNotEmpty().last().asString().startsWith("TASK ERROR");
            assertThat(e.toProblem().getProperties()).containsKeys("upid", "exitStatus", "log");
        });
    }

    @Test
    void aFailureInsideATaskIsATaskFailure() {
        client.await(client.start(NODE, 100), WAIT);
        assertThatThrownBy(() -> client.await(client.start(NODE, 100), WAIT)).isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("already running");
    }

    @Test
    void aTaskStillRunningAtTheDeadlineTimesOut() {
        sim.faults().taskMillis(5_000L);
        Upid start = client.start(NODE, 100);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.await(start, Duration.ofMillis(400))).isInstanceOf(ProxmoxTimeoutException.class)
                .hasMessageContaining("still running");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aSuccessfulTaskIsOk() {
        TaskResult result = client.await(client.start(NODE, 100), WAIT);
        assertThat(result.exitStatus()).isEqualTo("OK");
        assertThat(result.warnings()).isZero();
    }
}
