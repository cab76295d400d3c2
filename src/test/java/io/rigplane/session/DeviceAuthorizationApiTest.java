package io.rigplane.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * TV sign-in by the Device Authorization Grant (RFC 8628) over the API: the codes, every error a
 * polling TV can get (RFC 8628 §3.5), the one exchange for a working device token, and approval
 * and denial by an admin, audited.
 */
@IntegrationTest
class DeviceAuthorizationApiTest {

    private static final String USER_CODE = "[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api admin;
    Api tv;

    @BeforeEach
    void clients() {
        admin = Api.at(port);
        tv = Api.anonymous(port);
        // every test here asks for codes from 127.0.0.1; the limit itself is ThrottlingTest's
        jdbc.update("delete from auth_failure where key like 'rate:%'");
    }

    @Test
    void aTvGetsCodesAndAfterApprovalExactlyOneWorkingDeviceToken() {
        String profile = DeviceTestProfiles.create(admin, "code");
        Api.Reply started = tv.post("/api/v1/device-authorization", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.header("Cache-Control").orElse("")).contains("no-store");
        JsonNode codes = started.json();
        String deviceCode = codes.get("device_code").asString();
        String userCode = codes.get("user_code").asString();
        assertThat(userCode).matches(USER_CODE);
        assertThat(deviceCode).hasSizeGreaterThanOrEqualTo(40);
        assertThat(codes.get("verification_uri").asString()).isEqualTo("http://localhost:" + port + "/devices/approve");
        assertThat(codes.get("verification_uri_complete").asString())
                .isEqualTo("http://localhost:" + port + "/devices/approve?code=" + userCode);
        assertThat(codes.get("expires_in").asInt()).isEqualTo(600);
        assertThat(codes.get("interval").asInt()).isEqualTo(5);
        // like tokens, the codes are kept as hashes only
        assertThat(jdbc.queryForObject("select count(*) from device_authorization where device_code_hash = ?",
                Long.class, sha256(deviceCode))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from device_authorization where device_code_hash = ?"
                + " or user_code_hash = ?", Long.class, deviceCode, userCode)).isZero();

        JsonNode pending = poll(deviceCode, 400);
        assertThat(pending.get("error").asString()).isEqualTo("authorization_pending");

        // typed as a person types it: lower case, with a space instead of the dash
        String typed = userCode.toLowerCase().replace('-', ' ');
        String name = "tv-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply approved = admin.post("/api/v1/device-authorization/approve",
                "{\"userCode\": \"" + typed + "\", \"name\": \"" + name + "\", \"profiles\": [\"" + profile + "\"]}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("name").asString()).isEqualTo(name);

        Api.Reply granted = tv.post("/api/v1/device-authorization/token", "{\"deviceCode\": \"" + deviceCode + "\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(granted.header("Cache-Control").orElse("")).contains("no-store");
        String token = granted.json().get("access_token").asString();
        assertThat(token).startsWith("rgd_");
        JsonNode me = admin.withToken(token).get("/api/v1/devices/me").json();
        assertThat(me.get("name").asString()).isEqualTo(name);
        assertThat(me.get("profiles").get(0).asString()).isEqualTo(profile);

        JsonNode again = poll(deviceCode, 400);
        assertThat(again.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(admin.post("/api/v1/device-authorization/approve", "{\"userCode\": \"" + userCode
                + "\", \"name\": \"other-" + name + "\", \"profiles\": []}").status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'device-authorization.approve'"
                + " and target = ?", Long.class, "device:" + name)).isEqualTo(1);
    }

    @Test
    void pollingFasterThanTheIntervalIsToldToSlowDownAndTheIntervalGrows() {
        String deviceCode = start().get("device_code").asString();
        assertThat(poll(deviceCode, 400).get("error").asString()).isEqualTo("authorization_pending");
        JsonNode tooSoon = poll(deviceCode, 400);
        assertThat(tooSoon.get("error").asString()).isEqualTo("slow_down");
        assertThat(tooSoon.get("detail").asString()).contains("10 seconds");
        JsonNode stillTooSoon = poll(deviceCode, 400);
        assertThat(stillTooSoon.get("error").asString()).isEqualTo("slow_down");
        assertThat(stillTooSoon.get("detail").asString()).contains("15 seconds");
    }

    @Test
    void aDeniedCodeAnswersAccessDeniedAndCannotBeApprovedAfterwards() {
        JsonNode codes = start();
        Api.Reply denied = admin.post("/api/v1/device-authorization/deny",
                "{\"userCode\": \"" + codes.get("user_code").asString() + "\"}");
        assertThat(denied.status()).as(denied.body()).isEqualTo(204);

        JsonNode answer = poll(codes.get("device_code").asString(), 400);
        assertThat(answer.get("error").asString()).isEqualTo("access_denied");
        assertThat(poll(codes.get("device_code").asString(), 400).get("error").asString()).isEqualTo("access_denied");
        Api.Reply late = admin.post("/api/v1/device-authorization/approve", "{\"userCode\": \""
                + codes.get("user_code").asString() + "\", \"name\": \"late-tv\", \"profiles\": []}");
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).contains("denied already");
        assertThat(admin.get("/api/v1/devices").body()).doesNotContain("late-tv");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'device-authorization.deny'",
                Long.class)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anExpiredCodeAnswersExpiredTokenAndCannotBeApproved() {
        JsonNode codes = start();
        jdbc.update("update device_authorization set expires_at = now() - interval '1 second'"
                + " where device_code_hash = ?", sha256(codes.get("device_code").asString()));

        assertThat(poll(codes.get("device_code").asString(), 400).get("error").asString()).isEqualTo("expired_token");
        Api.Reply late = admin.post("/api/v1/device-authorization/approve", "{\"userCode\": \""
                + codes.get("user_code").asString() + "\", \"name\": \"expired-tv\", \"profiles\": []}");
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).contains("expired");
    }

    @Test
    void unknownMissingAndMistypedCodesAreProblemsThatChangeNothing() {
        JsonNode unknown = poll("no-such-device-code", 400);
        assertThat(unknown.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(unknown.get("type").asString()).endsWith("/invalid-grant");
        Api.Reply missing = tv.post("/api/v1/device-authorization/token", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("error").asString()).isEqualTo("invalid_request");

        Api.Reply mistyped = admin.post("/api/v1/device-authorization/approve",
                "{\"userCode\": \"AAAA-1111\", \"name\": \"typo-tv\", \"profiles\": []}");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.body()).contains("userCode");
        Api.Reply nobody = admin.post("/api/v1/device-authorization/approve",
                "{\"userCode\": \"BBBB-CCCC\", \"name\": \"typo-tv\", \"profiles\": []}");
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.body()).contains("no TV shows this code");
        assertThat(admin.get("/api/v1/devices").body()).doesNotContain("typo-tv");

        // approving is an admin's act; asking for codes and polling are the TV's, without a credential
        assertThat(tv.post("/api/v1/device-authorization/approve", "{}").status()).isEqualTo(401);
        assertThat(tv.post("/api/v1/device-authorization/deny", "{}").status()).isEqualTo(401);
    }

    @Test
    void aDeviceRevokedBeforeItsTvCollectedTheTokenGetsNoToken() {
        String profile = DeviceTestProfiles.create(admin, "revoked-code");
        JsonNode codes = start();
        String name = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        String id = admin.post("/api/v1/device-authorization/approve", "{\"userCode\": \""
                + codes.get("user_code").asString() + "\", \"name\": \"" + name + "\", \"profiles\": [\"" + profile
                + "\"]}").json().get("id").asString();
        assertThat(admin.delete("/api/v1/devices/" + id).status()).isEqualTo(204);

        assertThat(poll(codes.get("device_code").asString(), 400).get("error").asString()).isEqualTo("access_denied");
        assertThat(jdbc.queryForObject("select count(*) from device_token where device_id = ?::uuid", Long.class, id))
                .isZero();
    }

    private JsonNode start() {
        Api.Reply started = tv.post("/api/v1/device-authorization", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json();
    }

    private JsonNode poll(String deviceCode, int status) {
        Api.Reply reply = tv.post("/api/v1/device-authorization/token", "{\"deviceCode\": \"" + deviceCode + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        return reply.json();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
