package io.rigplane.streamhost;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** GET and PUT of a profile's stream-host settings: defaults, a write-only password, clear errors. */
@IntegrationTest
class StreamHostSettingsApiTest {

    private static final String PASSWORD = "apollo-admin-password-91c2";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String name;
    String path;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        name = new StreamHostFixtures(api).profile("sh-settings");
        path = "/api/v1/profiles/" + name + "/stream-host";
    }

    @Test
    void defaultsWorkInDemoModeWithoutAnySetup() {
        JsonNode settings = ok(api.get(path));
        assertThat(settings.get("kind").asString()).isEqualTo("apollo");
        assertThat(settings.get("app").asString()).isEqualTo("Desktop");
        assertThat(settings.get("httpPort").asInt()).isEqualTo(47989);
        assertThat(settings.get("username").isNull()).isTrue();
        assertThat(settings.get("passwordSet").asBoolean()).isFalse();
        assertThat(settings.get("credentials").asString()).isEqualTo("demo");
    }

    @Test
    void thePasswordIsStoredEncryptedAndNeverReturned() {
        Api.Reply put = api.put(path, """
                {"kind": "apollo", "app": "Steam Big Picture", "httpPort": 47989, "username": "rigplane",
                 "password": "%s"}""".formatted(PASSWORD));
        JsonNode saved = ok(put);
        assertThat(put.body()).doesNotContain(PASSWORD).doesNotContain("\"password\"");
        assertThat(saved.get("passwordSet").asBoolean()).isTrue();
        assertThat(saved.get("credentials").asString()).isEqualTo("profile");

        Api.Reply read = api.get(path);
        assertThat(read.body()).doesNotContain(PASSWORD);
        assertThat(ok(read).get("app").asString()).isEqualTo("Steam Big Picture");
        assertThat(ok(read).get("username").asString()).isEqualTo("rigplane");
        String stored = jdbc.queryForObject("select password_sealed from stream_host where profile = ?", String.class, name);
        assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD);

        // no password in the request keeps the stored one; an empty one removes it
        assertThat(ok(api.put(path, "{\"username\": \"rigplane\", \"app\": \"Desktop\"}")).get("passwordSet").asBoolean())
                .isTrue();
        JsonNode removed = ok(api.put(path, "{\"password\": \"\"}"));
        assertThat(removed.get("passwordSet").asBoolean()).isFalse();
        assertThat(removed.get("credentials").asString()).isEqualTo("demo");
        String audit = String.join("\n", jdbc.queryForList(
                "select concat_ws(' ', action, target, detail) from audit_event where target = ?", String.class,
                "profile:" + name));
        assertThat(audit).contains("streamhost.settings.update profile:" + name + " apollo, app Steam Big Picture")
                .contains("password changed", "password removed").doesNotContain(PASSWORD);
    }

    @Test
    void badSettingsAreRefusedWithEveryReasonAndChangeNothing() {
        ok(api.put(path, "{\"app\": \"Desktop\", \"httpPort\": 47989}"));
        Api.Reply bad = api.put(path, """
                {"kind": "parsec", "app": " ", "httpPort": 80, "password": "%s"}""".formatted(PASSWORD));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).doesNotContain(PASSWORD);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("kind", "app", "httpPort", "username");
        assertThat(ok(api.get(path)).get("passwordSet").asBoolean()).isFalse();

        assertThat(api.put(path, "{\"httpPort\": \"many\"}").status()).isEqualTo(400);
        assertThat(api.put(path, "{\"colour\": \"blue\"}").status()).isEqualTo(400);
        Api.Reply missing = api.get("/api/v1/profiles/sh-no-such-profile/stream-host");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("https://rigplane.io/problems/profile-not-found");
    }

    @Test
    void settingsGoWithTheirProfile() {
        ok(api.put(path, "{\"username\": \"admin\", \"password\": \"%s\"}".formatted(PASSWORD)));
        assertThat(api.delete("/api/v1/profiles/" + name).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from stream_host where profile = ?", Long.class, name)).isZero();
    }

    private static JsonNode ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
