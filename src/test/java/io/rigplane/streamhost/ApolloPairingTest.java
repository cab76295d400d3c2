package io.rigplane.streamhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigplane.provisioning.ProfileVms;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.streamhost.apollo.ApolloClients;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin client's first connection and every one after it, against the simulated Apollo: the
 * one-time code really pairs, the new client gets launch and input once, then the launch link.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApolloPairingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    StreamHosts streamHosts;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    ProfileVms vms;

    Api api;
    StreamHostFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        fixtures = new StreamHostFixtures(api);
        simulator.faults().clear();
    }

    @Test
    void firstAPairingCodeThatPairsThenTheLaunchLink() throws Exception {
        String name = fixtures.started("sh-pair");
        int vmid = vms.find(name).orElseThrow().vmid();
        ReadyStreamHost host = streamHosts.awaitReady(name, Instant.now().plusSeconds(30), p -> { });
        ApolloAdmin admin = new ApolloAdmin(host);

        ConnectionOffer first = streamHosts.offer(name, host, "Living room TV");
        assertThat(first.pairingRequired()).isTrue();
        assertThat(first.pin()).matches("\\d{4}");
        assertThat(first.pinExpiresAt()).isBetween(Instant.now().plus(Duration.ofSeconds(170)),
                Instant.now().plus(Duration.ofMinutes(3)));
        assertThat(first.host()).isEqualTo(host.address());
        assertThat(first.port()).isEqualTo(47989);
        assertThat(first.ports()).containsExactlyInAnyOrderEntriesOf(Map.of("https", 47984, "http", 47989, "web", 47990,
                "rtsp", 48010, "video", 47998, "control", 47999, "audio", 48000));
        assertThat(first.app()).isEqualTo("Desktop");
        assertThat(first.moonlight()).contains(host.authority(), "Desktop");
        URI link = URI.create(first.artemisLink());
        assertThat(link.getScheme()).isEqualTo("art");
        assertThat(link.getHost() + ":" + link.getPort()).isEqualTo(host.authority());
        Map<String, String> query = query(link);
        assertThat(query).containsEntry("pin", first.pin()).containsEntry("name", host.hostName());
        assertThat(streamHosts.presence(name, host, "Living room TV")).contains(new ClientPresence(false, false, false));

        // Artemis opens the link: it pairs with the code, and Apollo gives it list and view only
        Map<String, Object> paired = simulator.pairWithPin(vmid, query.get("pin"), query.get("passphrase"), "Pixel");
        String uuid = (String) paired.get("uuid");
        assertThat(admin.client("Living room TV").get("perm").asLong() & ApolloClients.PERM_LAUNCH).isZero();

        // Rigplane grants launch and input; Apollo's update replaced every field, the name survived
        assertThat(streamHosts.presence(name, host, "Living room TV")).contains(new ClientPresence(true, false, true));
        JsonNode granted = admin.client("Living room TV");
        assertThat(granted.get("uuid").asString()).isEqualTo(uuid);
        assertThat(granted.get("perm").asLong() & (ApolloClients.PERM_LAUNCH | ApolloClients.PERM_ALL_INPUTS))
                .isEqualTo(ApolloClients.PERM_LAUNCH | ApolloClients.PERM_ALL_INPUTS);

        // launching needs the permission it now has; presence follows the stream
        simulator.connectClient(vmid, uuid);
        assertThat(streamHosts.presence(name, host, "Living room TV")).contains(new ClientPresence(true, true, true));
        simulator.disconnectClient(vmid, uuid);
        assertThat(streamHosts.presence(name, host, "Living room TV")).contains(new ClientPresence(true, false, true));

        ConnectionOffer again = streamHosts.offer(name, host, "Living room TV");
        assertThat(again.pairingRequired()).isFalse();
        assertThat(again.pin()).isNull();
        String desktop = admin.apps().get("apps").valueStream()
                .filter(a -> a.get("name").asString().equals("Desktop")).findFirst().orElseThrow().get("uuid").asString();
        assertThat(again.artemisLink()).startsWith("art://launch?");
        assertThat(query(URI.create(again.artemisLink()))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "host_uuid", host.uniqueId(), "host_name", host.hostName(), "app_uuid", desktop, "app_name", "Desktop"));

        // an admin who takes launch away again in Apollo is not overruled
        @SuppressWarnings("unchecked")
        Map<String, Object> restricted = new LinkedHashMap<>(JSON.convertValue(admin.client("Living room TV"), Map.class));
        restricted.remove("connected");
        restricted.put("perm", 0x3000000L);
        admin.update(restricted);
        assertThat(streamHosts.presence(name, host, "Living room TV")).contains(new ClientPresence(true, false, false));
        assertThat(admin.client("Living room TV").get("perm").asLong()).isEqualTo(0x3000000L);
    }

    @Test
    void aWrongPasswordIsAClearErrorThatNeverShowsThePassword(CapturedOutput output) throws Exception {
        String name = fixtures.started("sh-login");
        ReadyStreamHost host = streamHosts.awaitReady(name, Instant.now().plusSeconds(30), p -> { });
        String wrong = "not-the-apollo-password-7f3a";
        assertThat(api.put("/api/v1/profiles/" + name + "/stream-host",
                "{\"username\": \"admin\", \"password\": \"" + wrong + "\"}").status()).isEqualTo(200);

        assertThatThrownBy(() -> streamHosts.offer(name, host, "Phone"))
                .isInstanceOfSatisfying(StreamHostException.class, e -> {
                    assertThat(e.credentialsProblem()).isTrue();
                    assertThat(e.getMessage()).contains("refused the login of user 'admin'", host.address())
                            .doesNotContain(wrong);
                });
        assertThat(streamHosts.presence(name, host, "Phone")).isEmpty();
        assertThat(output.getAll()).contains("Cannot ask Apollo whether client 'Phone'").doesNotContain(wrong);

        // the stored (encrypted) password is what Rigplane logs in with
        assertThat(api.put("/api/v1/profiles/" + name + "/stream-host",
                "{\"username\": \"admin\", \"password\": \"admin\"}").status()).isEqualTo(200);
        assertThat(streamHosts.offer(name, host, "Phone").pairingRequired()).isTrue();
    }

    @Test
    void anAppApolloDoesNotHaveIsNamedInTheError() throws Exception {
        String name = fixtures.started("sh-app");
        ReadyStreamHost host = streamHosts.awaitReady(name, Instant.now().plusSeconds(30), p -> { });
        int vmid = vms.find(name).orElseThrow().vmid();
        simulator.pairClient(vmid, "Deck");
        assertThat(api.put("/api/v1/profiles/" + name + "/stream-host", "{\"app\": \"Cyberpunk 2077\"}").status())
                .isEqualTo(200);

        // a client paired without Rigplane keeps what Apollo gave it, and the missing app is named
        assertThatThrownBy(() -> streamHosts.offer(name, host, "Deck"))
                .isInstanceOf(StreamHostException.class)
                .hasMessageContaining("has no app named \"Cyberpunk 2077\" (it has: Desktop, Steam Big Picture)");
        assertThat(api.put("/api/v1/profiles/" + name + "/stream-host", "{\"app\": \"steam big picture\"}").status())
                .isEqualTo(200);
        ConnectionOffer offer = streamHosts.offer(name, host, "Deck");
        assertThat(offer.app()).isEqualTo("Steam Big Picture");
        assertThat(streamHosts.presence(name, host, "Deck")).contains(new ClientPresence(true, false, false));
    }

    @Test
    void sunshineGetsMoonlightInstructionsAndNoPresence() throws Exception {
        String name = fixtures.started("sh-sunshine");
        ReadyStreamHost host = streamHosts.awaitReady(name, Instant.now().plusSeconds(30), p -> { });
        assertThat(api.put("/api/v1/profiles/" + name + "/stream-host", "{\"kind\": \"sunshine\"}").status())
                .isEqualTo(200);

        ConnectionOffer offer = streamHosts.offer(name, host, "Laptop");
        assertThat(offer.artemisLink()).isNull();
        assertThat(offer.pin()).isNull();
        assertThat(offer.moonlight()).contains("add host " + host.authority(), "Sunshine", "Desktop");
        assertThat(streamHosts.presence(name, host, "Laptop")).isEmpty();
    }

    @Test
    void anApolloThatIsGoneIsAClearError() throws Exception {
        String name = fixtures.started("sh-gone");
        ReadyStreamHost host = streamHosts.awaitReady(name, Instant.now().plusSeconds(30), p -> { });
        ReadyStreamHost elsewhere = new ReadyStreamHost(host.address(), 1100, host.hostName(), host.uniqueId(), null, null);

        assertThatThrownBy(() -> streamHosts.offer(name, elsewhere, "Phone"))
                .isInstanceOf(StreamHostException.class)
                .hasMessageContaining("config API at " + host.address() + ":1101 cannot be reached: connection refused");
        assertThat(streamHosts.presence(name, elsewhere, "Phone")).isEmpty();
    }

    private static Map<String, String> query(URI link) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : link.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}
