package io.rigplane.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.access.token.LastUses;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** An admin registers, lists, rebinds and revokes thin clients; a device token shows who it is. */
@IntegrationTest
class DeviceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LastUses lastUses;

    @Test
    void aNewDeviceGetsItsTokenOnceAndCanReadItsOwnBindings() {
        Api admin = Api.at(port);
        String profile = DeviceTestProfiles.create(admin, "dev-once");

        Api.Reply created = admin.post("/api/v1/devices",
                "{\"name\": \"Living room TV\", \"profiles\": [\"" + profile + "\"]}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode device = created.json();
        String id = device.get("id").asString();
        String token = device.get("token").asString();
        assertThat(token).startsWith("rgd_");
        assertThat(created.header("Location")).contains("/api/v1/devices/" + id);
        assertThat(jdbc.queryForList("select token_hash from device_token", String.class)).doesNotContain(token);

        Api.Reply me = admin.withToken(token).get("/api/v1/devices/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("name").asString()).isEqualTo("Living room TV");
        assertThat(me.json().get("profiles").toString()).isEqualTo("[\"" + profile + "\"]");

        // a use is written in the background, at the next flush
        lastUses.flush();
        Api.Reply listed = admin.get("/api/v1/devices");
        Api.Reply one = admin.get("/api/v1/devices/" + id);
        assertThat(listed.body()).contains("Living room TV").doesNotContain(token);
        assertThat(one.body()).doesNotContain(token);
        assertThat(one.json().has("token")).isFalse();
        assertThat(one.json().get("lastSeenAt").isNull()).as("the device's own request is its last sighting")
                .isFalse();
        assertThat(one.json().get("revokedAt").isNull()).isTrue();
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnceAndItsNameMayBeReused() {
        Api admin = Api.at(port);
        JsonNode device = admin.post("/api/v1/devices", "{\"name\": \"old-laptop\", \"profiles\": []}").json();
        Api asDevice = admin.withToken(device.get("token").asString());
        assertThat(asDevice.get("/api/v1/devices/me").status()).isEqualTo(200);

        assertThat(admin.delete("/api/v1/devices/" + device.get("id").asString()).status()).isEqualTo(204);

        Api.Reply refused = asDevice.get("/api/v1/devices/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(admin.delete("/api/v1/devices/" + device.get("id").asString()).status())
                .as("revoking twice is fine").isEqualTo(204);
        assertThat(admin.get("/api/v1/devices/" + device.get("id").asString()).json().get("revokedAt").isNull())
                .isFalse();
        assertThat(admin.post("/api/v1/devices", "{\"name\": \"old-laptop\", \"profiles\": []}").status())
                .isEqualTo(201);
        assertThat(admin.delete("/api/v1/devices/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void unknownProfilesAndTakenNamesAreRefusedAndStoreNothing() {
        Api admin = Api.at(port);
        String profile = DeviceTestProfiles.create(admin, "dev-refuse");
        admin.post("/api/v1/devices", "{\"name\": \"kitchen\", \"profiles\": []}");
        Long before = jdbc.queryForObject("select count(*) from device", Long.class);

        Api.Reply unknown = admin.post("/api/v1/devices",
                "{\"name\": \"hall\", \"profiles\": [\"" + profile + "\", \"no-such-profile\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("profiles[1]");
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("no-such-profile");

        Api.Reply taken = admin.post("/api/v1/devices", "{\"name\": \"kitchen\", \"profiles\": []}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("type").asString()).endsWith("device-exists");

        assertThat(admin.post("/api/v1/devices", "{\"profiles\": []}").json().get("errors").get(0).get("field")
                .asString()).isEqualTo("name");
        assertThat(jdbc.queryForObject("select count(*) from device", Long.class)).isEqualTo(before);
    }

    @Test
    void rebindingChangesWhatTheDeviceSeesAndDeletingAProfileDropsItsBinding() {
        Api admin = Api.at(port);
        String first = DeviceTestProfiles.create(admin, "dev-first");
        String second = DeviceTestProfiles.create(admin, "dev-second");
        JsonNode device = admin.post("/api/v1/devices",
                "{\"name\": \"den\", \"profiles\": [\"" + first + "\"]}").json();
        String path = "/api/v1/devices/" + device.get("id").asString();
        Api asDevice = admin.withToken(device.get("token").asString());

        Api.Reply rebound = admin.put(path + "/profiles", "{\"profiles\": [\"" + second + "\", \"" + first + "\"]}");
        assertThat(rebound.status()).isEqualTo(200);
        assertThat(asDevice.get("/api/v1/devices/me").json().get("profiles").toString())
                .isEqualTo("[\"" + first + "\",\"" + second + "\"]");

        assertThat(admin.delete("/api/v1/profiles/" + first).status()).isEqualTo(204);
        assertThat(admin.get(path).json().get("profiles").toString()).isEqualTo("[\"" + second + "\"]");
        assertThat(asDevice.get("/api/v1/devices/me").json().get("profiles").toString())
                .isEqualTo("[\"" + second + "\"]");
    }

    @Autowired
    io.rigplane.access.token.RefusalTally refusalTally;

    @Test
    void creationRevocationAndRefusedDeviceRequestsAreAudited() {
        Api admin = Api.at(port);
        JsonNode device = admin.post("/api/v1/devices", "{\"name\": \"audited-tv\", \"profiles\": []}").json();
        Api asDevice = admin.withToken(device.get("token").asString());

        assertThat(asDevice.get("/api/v1/profiles").status()).isEqualTo(403);
        admin.delete("/api/v1/devices/" + device.get("id").asString());

        List<String> trail = jdbc.queryForList("select actor_type || ' ' || actor_name || ' ' || action || ' '"
                + " || outcome || ' ' || coalesce(detail, '') from audit_event where target = 'device:audited-tv'"
                + " order by id", String.class);
        assertThat(trail).hasSize(3);
        assertThat(trail.get(0)).startsWith("TOKEN ").contains("device.create SUCCESS");
        assertThat(trail.get(1)).isEqualTo("DEVICE audited-tv device.refused REFUSED GET /api/v1/profiles");
        assertThat(trail.get(2)).startsWith("TOKEN ").contains("device.revoke SUCCESS");
    }

    @Test
    void repeatedRefusalsOfADeviceAreCountedInOneRowNotWrittenOneRowEach() {
        Api admin = Api.at(port);
        JsonNode device = admin.post("/api/v1/devices", "{\"name\": \"hammering-tv\", \"profiles\": []}").json();
        Api asDevice = admin.withToken(device.get("token").asString());

        for (int i = 0; i < 300; i++) {
            assertThat(asDevice.get("/api/v1/profiles?n=" + i).status()).isEqualTo(403);
        }
        assertThat(refusals("hammering-tv")).containsExactly("GET /api/v1/profiles");
        refusalTally.flushAll();

        List<String> rows = refusals("hammering-tv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith("299 more refused request(s) from ").endsWith("; last: GET /api/v1/profiles "
                + "from 127.0.0.1");
    }

    private List<String> refusals(String device) {
        return jdbc.queryForList("select detail from audit_event where target = ? and action = 'device.refused' "
                + "order by id", String.class, "device:" + device);
    }
}
