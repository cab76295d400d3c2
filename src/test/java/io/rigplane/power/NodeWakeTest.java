package io.rigplane.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Sleeping nodes are woken: by another node of the cluster, or by Rigplane's own magic packet. */
@IntegrationTest
class NodeWakeTest {

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void wakeEverything() {
        simulator.setNodeOnline("srv02", true);
        simulator.setNodeOnline("srv03", true);
    }

    @Test
    void startingAVmOnASleepingNodeWakesItThroughTheOtherNode() {
        Api api = Api.at(port);
        PowerFixtures fixtures = new PowerFixtures(api);
        String name = fixtures.profile("wake", "rtx3070", "refuse");
        fixtures.await(fixtures.apply(name));
        simulator.setNodeOnline("srv02", false);
        assertThat(nodeState(api, "srv02")).isEqualTo("offline");

        JsonNode started = fixtures.power(name, "start");

        assertThat(started.get("state").asString()).as(started.toString()).isEqualTo("SUCCEEDED");
        assertThat(started.get("steps").get(0).get("name").asString()).isEqualTo("wake node srv02");
        assertThat(started.get("steps").get(0).get("message").asString()).contains("sent by the cluster");
        assertThat(simulator.isNodeOnline("srv02")).isTrue();
        assertThat(fixtures.status(name).get("power").asString()).isEqualTo("running");
        fixtures.power(name, "stop");
    }

    @Test
    void aStartOnASleepingNodeReportsWakingThenStartingAsItsPhase() {
        Api api = Api.at(port);
        PowerFixtures fixtures = new PowerFixtures(api);
        String name = fixtures.profile("phase", "rtx3070", "refuse");
        fixtures.await(fixtures.apply(name));
        simulator.setNodeOnline("srv02", false);

        Api.Reply accepted = api.post("/api/v1/profiles/" + name + "/start", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().get("id").asString();
        List<String> phases = new ArrayList<>();
        JsonNode operation = api.get("/api/v1/operations/" + id).json();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Set.of("SUCCEEDED", "FAILED").contains(operation.get("state").asString())
                && System.nanoTime() < deadline) {
            String phase = operation.get("phase").asString(null);
            if (phase != null && (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase))) {
                phases.add(phase);
            }
            PowerFixtures.sleep(20);
            operation = api.get("/api/v1/operations/" + id).json();
        }

        assertThat(operation.get("state").asString()).as(operation.toString()).isEqualTo("SUCCEEDED");
        assertThat(operation.get("phase").asString()).isEqualTo("STARTING_VM");
        assertThat(phases).as("phases seen while it ran").startsWith("WAKING_NODE")
                .containsSubsequence("WAKING_NODE", "STARTING_VM").doesNotHaveDuplicates();
        fixtures.power(name, "stop");
    }

    @Test
    void aMagicPacketGoesOnlyToTheLimitedBroadcastAPrivateAddressOrAnAllowedRange() {
        Api api = Api.at(port);
        for (String refused : new String[] {"8.8.8.8", "203.0.113.255", "2001:db8::1", "wol.example.com",
                "100.64.0.1"}) {
            Api.Reply reply = api.put("/api/v1/nodes/srv02/wake-on-lan",
                    "{\"mac\": \"aa:bb:cc:dd:ee:01\", \"broadcast\": \"" + refused + "\"}");
            assertThat(reply.status()).as(refused).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("broadcast");
        }
        assertThat(jdbc.queryForObject("select count(*) from node_wake where node = 'srv02'", Long.class))
                .as("nothing stored").isZero();
        for (String taken : new String[] {"255.255.255.255", "192.168.1.255", "10.20.255.255", "172.31.255.255",
                "fd00::1", "127.0.0.1"}) {
            assertThat(api.put("/api/v1/nodes/srv02/wake-on-lan", "{\"mac\": \"aa:bb:cc:dd:ee:01\", "
                    + "\"broadcast\": \"" + taken + "\"}").status()).as(taken).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("select broadcast || ':' || port from node_wake where node = 'srv02'",
                String.class)).as("a port left out is the default").isEqualTo("127.0.0.1:9");
        Api.Reply defaults = api.put("/api/v1/nodes/srv02/wake-on-lan", "{\"mac\": \"aa:bb:cc:dd:ee:01\"}");
        assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
        assertThat(defaults.json().get("broadcast").asString()).isEqualTo("255.255.255.255");
        jdbc.update("delete from node_wake where node = 'srv02'");
    }

    @Test
    void aLoneNodeIsWokenByRigplanesOwnMagicPacket() throws Exception {
        Api api = Api.at(port);
        PowerFixtures fixtures = new PowerFixtures(api);
        try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(15_000);
            Api.Reply saved = api.put("/api/v1/nodes/srv03/wake-on-lan",
                    "{\"mac\": \"aa:bb:cc:dd:ee:03\", \"broadcast\": \"127.0.0.1\", \"port\": %d}"
                            .formatted(listener.getLocalPort()));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().get("mac").asString()).isEqualTo("AA:BB:CC:DD:EE:03");
            simulator.setNodeOnline("srv02", false);
            simulator.setNodeOnline("srv03", false);

            Api.Reply accepted = api.post("/api/v1/nodes/srv03/wake", null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            DatagramPacket packet = new DatagramPacket(new byte[512], 512);
            listener.receive(packet);

            byte[] bytes = Arrays.copyOf(packet.getData(), packet.getLength());
            assertThat(bytes).hasSize(102);
            for (int i = 0; i < 6; i++) {
                assertThat(bytes[i]).isEqualTo((byte) 0xFF);
            }
            byte[] mac = {(byte) 0xAA, (byte) 0xBB, (byte) 0xCC, (byte) 0xDD, (byte) 0xEE, 0x03};
            for (int i = 0; i < 16; i++) {
                assertThat(Arrays.copyOfRange(bytes, 6 + 6 * i, 12 + 6 * i)).isEqualTo(mac);
            }
            // the machine boots on the packet
            simulator.setNodeOnline("srv03", true);
            JsonNode woken = fixtures.await(accepted.json().get("id").asString());
            assertThat(woken.get("state").asString()).as(woken.toString()).isEqualTo("SUCCEEDED");
            assertThat(woken.get("steps").get(0).get("message").asString()).contains("sent by Rigplane");
        }
    }

    @Test
    void nodesListStateLoadAndGpus() {
        Api api = Api.at(port);
        Api.Reply nodes = api.get("/api/v1/nodes");
        assertThat(nodes.status()).as(nodes.body()).isEqualTo(200);
        JsonNode srv02 = node(nodes.json(), "srv02");
        assertThat(srv02.get("state").asString()).isEqualTo("online");
        assertThat(srv02.get("maxcpu").asInt()).isPositive();
        assertThat(srv02.get("gpus").toString()).contains("rtx3070");
        assertThat(api.post("/api/v1/nodes/no-such-node/wake", null).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/nodes/srv03/wake-on-lan", "{\"mac\": \"nope\"}").status()).isEqualTo(400);
    }

    private static String nodeState(Api api, String node) {
        return node(api.get("/api/v1/nodes").json(), node).get("state").asString();
    }

    private static JsonNode node(JsonNode nodes, String name) {
        for (JsonNode node : nodes) {
            if (node.get("node").asString().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no node " + name + " in " + nodes);
    }
}
