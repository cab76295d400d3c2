package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.ConnectionCheck;
import io.rigplane.proxmox.internal.ProxmoxTimeoutException;
import io.rigplane.proxmox.internal.PveHttp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Retries happen where they are safe, are bounded, and are logged; a create is never sent twice. */
class RetryTest extends ProxmoxTestBase {

    private final Logger logger = (Logger) LoggerFactory.getLogger(PveHttp.class);
    private final ListAppender<ILoggingEvent> retries = new ListAppender<>();
    private Level level;

    @BeforeEach
    void captureRetries() {
        level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        retries.list.clear();
        retries.start();
        logger.addAppender(retries);
    }

    @AfterEach
    void release() {
        logger.detachAppender(retries);
        logger.setLevel(level);
    }

    private long retried() {
        return retries.list.stream().filter(e -> e.getFormattedMessage().contains("retrying")).count();
    }

    @Test
    void aReadSurvivesServerErrors() {
        sim.faults().reseed(7).errorRate(0.3).errorStatus(500);
        for (int i = 0; i < 10; i++) {
            assertThat(client.nodes()).isNotEmpty();
        }
        assertThat(retried()).isPositive();
        assertThat(retries.list).allMatch(e -> e.getLevel() == Level.DEBUG);
    }

    @Test
    void aReadOnANodeThatIsOfflineFailsAtOnceInsteadOfRetrying() {
        sim.setNodeOnline("srv03", false);
        try {
            assertThatThrownBy(() -> client.config("srv03", 100))
                    .isInstanceOfSatisfying(ProxmoxUnavailableException.class,
                            e -> assertThat(e.getMessage()).contains("srv03").contains("offline"));
            assertThat(retried()).as("a sleeping node does not wake up between retries").isZero();
        } finally {
            sim.setNodeOnline("srv03", true);
        }
    }

    @Test
    void aReadSurvives596() {
        sim.faults().reseed(3).errorRate(0.3).errorStatus(596);
        for (int i = 0; i < 10; i++) {
            assertThat(client.status(NODE, 100).vmid()).isEqualTo(100);
        }
        assertThat(retried()).isPositive();
    }

    @Test
    void aWriteSurvivesLockContention() {
        sim.faults().reseed(11).lockContentionRate(0.6);
        for (int i = 0; i < 5; i++) {
            client.updateConfigNow(NODE, 100, Map.of("cores", String.valueOf(2 + i)), List.of(), null);
        }
        sim.faults().lockContentionRate(0);
        assertThat(client.config(NODE, 100).get("cores")).isEqualTo("6");
        assertThat(retried()).isPositive();
    }

    @Test
    void retriesAreBounded() {
        sim.faults().errorRate(1.0).errorStatus(500);
        assertThatThrownBy(client::nodes).isInstanceOf(ProxmoxUnavailableException.class)
                .hasMessageContaining("simulated server error");
        assertThat(retried()).isEqualTo(4);
    }

    @Test
    void aFailedCreateIsNotRepeated() {
        sim.faults().errorRate(1.0).errorStatus(500);
        assertThatThrownBy(() -> client.createVm(NODE, 4711, Map.of("name", "once", "memory", "1024")))
                .isInstanceOf(ProxmoxUnavailableException.class);
        assertThat(retried()).isZero();
    }

    @Test
    void aCreateThatTimesOutIsNotRepeatedAndHappenedOnce() throws InterruptedException {
        ProxmoxClient slow = new ProxmoxClient(connection(sim.fingerprint(), null),
                clientSettings().withReadTimeout(Duration.ofMillis(400)));
        // a first call opens the connection, so the create below surely reaches the server
        assertThat(slow.version().version()).isNotBlank();
        sim.faults().latencyMillis(800);
        assertThatThrownBy(() -> slow.createVm(NODE, 4712, Map.of("name", "once", "memory", "1024")))
                .isInstanceOf(ProxmoxTimeoutException.class);
        assertThat(retried()).isZero();
        sim.faults().latencyMillis(0);
        // the server went ahead after the client gave up: exactly one VM, created by the one request
        for (int i = 0; i < 50 && client.vms().stream().noneMatch(v -> v.vmid() == 4712); i++) {
            Thread.sleep(50);
        }
        assertThat(client.vms()).as("tasks: %s", client.tasks(NODE)).filteredOn(v -> v.vmid() == 4712).hasSize(1);
    }

    @Test
    void aSlowReadTimesOutAfterBoundedRetries() {
        sim.faults().latencyMillis(800);
        timesOutAfterBoundedRetries(200);
    }

    @Test
    void aBodyThatStallsAfterItsHeadersTimesOutLikeASlowAnswer() {
        sim.faults().bodyStallMillis(1500);
        ProxmoxClient slow = timesOutAfterBoundedRetries(300);
        sim.faults().bodyStallMillis(0);
        assertThat(slow.nodes()).isNotEmpty();
    }

    private ProxmoxClient timesOutAfterBoundedRetries(long readTimeoutMillis) {
        ProxmoxClient slow = new ProxmoxClient(connection(sim.fingerprint(), null),
                clientSettings().withReadTimeout(Duration.ofMillis(readTimeoutMillis)));
        long t0 = System.nanoTime();
        assertThatThrownBy(slow::nodes).isInstanceOf(ProxmoxTimeoutException.class)
                .hasMessageContaining(readTimeoutMillis + " ms");
        assertThat(retried()).isEqualTo(4);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        return slow;
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        int port = sim.port();
        ProxmoxClient nowhere = new ProxmoxClient(ClusterConnection.of("gone", "https://127.0.0.1:1",
                sim.settings().token(), sim.fingerprint(), null), clientSettings());
        assertThatThrownBy(nowhere::version).isInstanceOfSatisfying(ProxmoxUnavailableException.class,
                e -> assertThat(e.proxmoxStatus()).isZero()).hasMessageContaining("cannot connect")
                .message().doesNotContain(secret());
        ConnectionCheck check = nowhere.check();
        assertThat(check.reachable()).isFalse();
        assertThat(check.messages()).isNotEmpty();
        assertThat(port).isPositive();
    }
}
