package io.rigplane.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A thin client's token reaches only its own sessions on the profiles it is bound to: every
 * session endpoint, called on someone else's profile and session, answers as if they did not exist.
 */
@IntegrationTest
class DeviceSessionsTest {

    @LocalServerPort
    int port;

    @Test
    void aDeviceSeesAndTouchesOnlyItsOwnSessionsOnItsOwnProfiles() {
        SessionFixtures fixtures = new SessionFixtures(port);
        Api admin = fixtures.api();
        String bound = fixtures.appliedProfile("tv-bound", null);
        String other = fixtures.appliedProfile("tv-other", null);
        Api.Reply created = admin.post("/api/v1/devices", "{\"name\": \"living-room-tv\", \"profiles\": [\""
                + bound + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api tv = admin.withToken(created.json().get("token").asString());
        JsonNode someoneElses = SessionFixtures.open(admin, other);
        String foreign = someoneElses.get("id").asString();

        Api.Reply refused = tv.post("/api/v1/sessions", "{\"profile\": \"" + other + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/device-not-allowed");
        assertThat(tv.post("/api/v1/sessions", "{\"profile\": \"no-such-profile\"}").status()).isEqualTo(403);
        assertThat(tv.get("/api/v1/sessions/" + foreign).status()).isEqualTo(404);
        assertThat(tv.get("/api/v1/sessions/" + foreign + "/events").status()).isEqualTo(404);
        assertThat(tv.post("/api/v1/sessions/" + foreign + "/heartbeat", null).status()).isEqualTo(404);
        assertThat(tv.delete("/api/v1/sessions/" + foreign).status()).isEqualTo(404);
        assertThat(tv.get("/api/v1/sessions?profile=" + other).json()).isEmpty();
        assertThat(tv.get("/api/v1/profiles/" + other + "/status").status()).isEqualTo(403);
        assertThat(tv.post("/api/v1/profiles/" + bound + "/start", null).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/sessions/" + foreign).json().get("state").asString()).isNotIn("ENDED", "FAILED");

        JsonNode mine = SessionFixtures.open(tv, bound);
        assertThat(mine.get("device").asString()).isEqualTo("living-room-tv");
        assertThat(mine.get("clientName").asString()).isEqualTo("living-room-tv");
        assertThat(mine.get("requestedBy").asString()).isEqualTo("DEVICE:living-room-tv");
        String id = mine.get("id").asString();
        assertThat(tv.get("/api/v1/sessions").json().findValuesAsString("id")).containsExactly(id);
        fixtures.awaitState(id, "READY");
        assertThat(tv.get("/api/v1/sessions/" + id).json().get("connection").get("host").asString()).isNotBlank();
        assertThat(tv.post("/api/v1/sessions/" + id + "/heartbeat", null).json().get("state").asString())
                .isEqualTo("ACTIVE");
        assertThat(tv.delete("/api/v1/sessions/" + id).json().get("state").asString()).isEqualTo("ENDED");
        admin.delete("/api/v1/sessions/" + foreign);

        // a revoked device's session does not outlive it
        String last = SessionFixtures.open(tv, bound).get("id").asString();
        assertThat(admin.delete("/api/v1/devices/" + created.json().get("id").asString()).status()).isEqualTo(204);
        JsonNode ended = admin.get("/api/v1/sessions/" + last).json();
        assertThat(ended.get("state").asString()).isEqualTo("ENDED");
        assertThat(ended.get("reason").asString()).isEqualTo("the device 'living-room-tv' was revoked");
        assertThat(tv.get("/api/v1/sessions/" + last).status()).isEqualTo(401);
    }

    @Test
    void aDeviceUnboundFromAProfileLosesItsSessionThereAndCannotKeepItAlive() {
        SessionFixtures fixtures = new SessionFixtures(port);
        Api admin = fixtures.api();
        String lost = fixtures.appliedProfile("tv-lost", null);
        String kept = fixtures.appliedProfile("tv-kept", null);
        Api.Reply created = admin.post("/api/v1/devices", "{\"name\": \"bedroom-tv\", \"profiles\": [\""
                + lost + "\", \"" + kept + "\"]}");
        Api tv = admin.withToken(created.json().get("token").asString());
        String onLost = SessionFixtures.open(tv, lost).get("id").asString();
        String onKept = SessionFixtures.open(tv, kept).get("id").asString();

        assertThat(admin.put("/api/v1/devices/" + created.json().get("id").asString() + "/profiles",
                "{\"profiles\": [\"" + kept + "\"]}").status()).isEqualTo(200);

        JsonNode ended = admin.get("/api/v1/sessions/" + onLost).json();
        assertThat(ended.get("state").asString()).isEqualTo("ENDED");
        assertThat(ended.get("reason").asString()).isEqualTo("the device 'bedroom-tv' may no longer use " + lost);
        assertThat(tv.post("/api/v1/sessions/" + onLost + "/heartbeat", null).status()).isIn(403, 409);
        assertThat(admin.get("/api/v1/sessions/" + onKept).json().get("state").asString())
                .isNotIn("ENDING", "ENDED", "FAILED");
        assertThat(tv.post("/api/v1/sessions/" + onKept + "/heartbeat", null).status()).isEqualTo(200);
        admin.delete("/api/v1/sessions/" + onKept);
    }
}
