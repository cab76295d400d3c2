package io.rigplane.session.wol;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.session.SessionFixtures;
import io.rigplane.session.wol.WakeOnLanListener;
import io.rigplane.session.wol.WakeOnLanPacketTest;
import io.rigplane.session.wol.WakeOnLanTargets;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Magic packets sent over loopback UDP to the running listener, as Moonlight's "Wake PC" sends
 * them. Sources are other loopback addresses (127.0.0.x), so each test has its own rate limits;
 * 127.0.0.200 lies outside the allowed network.
 */
@IntegrationTest
@TestPropertySource(properties = {"rigplane.sessions.wol-ports=0", "rigplane.sessions.wol-bind=127.0.0.1",
        "rigplane.sessions.wol-allowed-networks=127.0.0.0/25", "rigplane.sessions.wol-source-max-wakes=2"})
class WakeOnLanListenerTest {

    @LocalServerPort
    int port;

    @Autowired
    WakeOnLanListener listener;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProxmoxClusters clusters;

    SessionFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SessionFixtures(port);
        assertThat(listener.ports()).hasSize(1).doesNotContain(0);
    }

    @Test
    void aMagicPacketStartsTheVmWhoseMacMatches() throws IOException {
        String profile = fixtures.appliedProfile("wol", null);
        assertThat(fixtures.power(profile)).isEqualTo("stopped");
        // no fixed MAC in the profile: the listener learns the one Proxmox gave the VM
        String mac = WakeOnLanTargets.macOf(clusters.defaultClient().config("srv02", fixtures.vmid(profile)).get("net0"));
        double accepted = count("accepted");
        double tooSoon = count("mac-too-soon");

        // Moonlight's burst: the same packet to several ports and addresses at once
        send("127.0.0.10", WakeOnLanPacketTest.magic(mac, 0));
        send("127.0.0.10", WakeOnLanPacketTest.magic(mac, 0));
        send("127.0.0.11", WakeOnLanPacketTest.magic(mac, 6));
        awaitCount("accepted", accepted + 1);
        awaitCount("mac-too-soon", tooSoon + 2);

        List<JsonNode> sessions = sessions(profile);
        assertThat(sessions).hasSize(1);
        JsonNode session = sessions.get(0);
        assertThat(session.get("clientName").asString()).isEqualTo("wake-on-lan");
        assertThat(session.get("requestedBy").asString()).contains("127.0.0.10");
        JsonNode ready = fixtures.awaitState(session.get("id").asString(), "READY", "ACTIVE");
        assertThat(ready.get("connection").isNull()).isFalse();
        assertThat(fixtures.power(profile)).isEqualTo("running");

        JsonNode audit = fixtures.api().get("/api/v1/audit?action=session.wake-on-lan&target=profile:" + profile)
                .json().get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(audit.get(0).get("detail").asString()).contains(mac).contains(session.get("id").asString());
    }

    @Test
    void malformedForeignAndOutsidePacketsDoNothingButAreCounted() throws IOException {
        String profile = fixedMacProfile("wol-ignored");
        String mac = macOf(profile);
        double malformed = count("malformed");
        double foreign = count("foreign");
        double outside = count("network-refused");

        byte[] truncated = java.util.Arrays.copyOf(WakeOnLanPacketTest.magic(mac, 0), 101);
        send("127.0.0.20", truncated);
        send("127.0.0.20", "wake up".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        // a PC that is not a Rigplane VM, woken with Moonlight's burst
        send("127.0.0.20", WakeOnLanPacketTest.magic("02:00:5E:00:00:01", 0));
        send("127.0.0.20", WakeOnLanPacketTest.magic("02:00:5E:00:00:01", 0));
        send("127.0.0.200", WakeOnLanPacketTest.magic(mac, 0));
        awaitCount("malformed", malformed + 2);
        awaitCount("foreign", foreign + 2);
        awaitCount("network-refused", outside + 1);

        assertThat(sessions(profile)).isEmpty();
        // the refusal is counted on the listener's thread and audited on its worker: it may come a moment later
        String refusals = "/api/v1/audit?action=session.wake-on-lan&outcome=REFUSED&target=wake-on-lan:127.0.0.200";
        await(() -> fixtures.api().get(refusals).json().get("items").size() >= 1);
        assertThat(fixtures.api().get(refusals).json().get("items")).hasSize(1);
    }

    @Test
    void oneSourceWakesAtMostItsLimitOfProfiles() throws IOException {
        List<String> profiles = List.of(fixedMacProfile("wol-limit"), fixedMacProfile("wol-limit"),
                fixedMacProfile("wol-limit"));
        double overLimit = count("source-over-limit");
        double handled = count("accepted") + count("session-refused");

        send("127.0.0.30", WakeOnLanPacketTest.magic(macOf(profiles.get(0)), 0));
        send("127.0.0.30", WakeOnLanPacketTest.magic(macOf(profiles.get(1)), 0));
        send("127.0.0.30", WakeOnLanPacketTest.magic(macOf(profiles.get(2)), 0));
        awaitCount("source-over-limit", overLimit + 1);
        await(() -> count("accepted") + count("session-refused") >= handled + 2);

        assertThat(sessions(profiles.get(0))).hasSize(1);
        assertThat(sessions(profiles.get(1))).hasSize(1);
        assertThat(sessions(profiles.get(2))).isEmpty();
        // another source on the LAN still wakes the third
        send("127.0.0.31", WakeOnLanPacketTest.magic(macOf(profiles.get(2)), 0));
        await(() -> !sessions(profiles.get(2)).isEmpty());
    }

    /** A profile with a fixed MAC and no VM: its sessions fail, which is all these tests need. */
    private String fixedMacProfile(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String mac = "BC:24:11:" + UUID.randomUUID().toString().substring(0, 6).replaceAll("(..)(?!$)", "$1:")
                .toUpperCase(java.util.Locale.ROOT);
        Api.Reply created = fixtures.api().post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "network": {"bridge": "vmbr0", "mac": "%s"}}""".formatted(name, mac));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    private String macOf(String profile) {
        return fixtures.api().get("/api/v1/profiles/" + profile).json().get("network").get("mac")
                .asString();
    }

    private List<JsonNode> sessions(String profile) {
        return fixtures.api().get("/api/v1/sessions?profile=" + profile).json().valueStream().toList();
    }

    private void send(String source, byte[] packet) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(source), 0))) {
            socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(),
                    listener.ports().get(0)));
        }
    }

    @Test
    void theCountersSayTheyCountOnlyWhatReachedTheListener() {
        assertThat(meters.get("rigplane.wol.packets").counter().getId().getDescription())
                .contains("reached the Wake-on-LAN listener").contains("kernel dropped").contains("not counted");
    }

    private double count(String outcome) {
        return meters.counter("rigplane.wol.packets", "outcome", outcome).count();
    }

    private void awaitCount(String outcome, double expected) {
        await(() -> count(outcome) >= expected);
        assertThat(count(outcome)).as(outcome).isEqualTo(expected);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
            SessionFixtures.sleep(50);
        }
    }
}
