package io.rigplane.access;

import io.rigplane.access.user.Role;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Each test plays its clients from its own 127.0.0.x address, so blocks stay within the test. */
@IntegrationTest
class ThrottlingTest {

    @LocalServerPort
    int port;

    @Autowired
    AccessFixtures fixtures;

    @AfterEach
    void forget() {
        fixtures.forgetFailures();
    }

    @Test
    void moreThanTwentyBadTokensAMinuteFromOneSourceGet429WithRetryAfter() {
        RawHttp attacker = new RawHttp("127.0.0.21", port);
        Map<String, String> bad = Map.of("Authorization", "Bearer rgp_guess");
        for (int i = 0; i < 20; i++) {
            assertThat(attacker.send("GET", "/api/v1/profiles", bad, null).status()).isEqualTo(401);
        }

        RawHttp.Reply blocked = attacker.send("GET", "/api/v1/profiles", bad, null);
        RawHttp.Reply evenAGoodOne = attacker.send("GET", "/api/v1/profiles",
                Map.of("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN), null);

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 60);
        assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JsonMapper.builder().build().readTree(blocked.body()).get("type").asString())
                .isEqualTo("https://rigplane.io/problems/too-many-failures");
        assertThat(evenAGoodOne.status()).isEqualTo(429);
        assertThat(Api.at(port).get("/api/v1/profiles").status()).as("other sources are not blocked").isEqualTo(200);
    }

    @Test
    void moreThanTenDeviceSignInsAMinuteFromOneAddressGet429WithRetryAfter() {
        RawHttp tv = new RawHttp("127.0.0.24", port);
        for (int i = 0; i < 10; i++) {
            RawHttp.Reply codes = tv.send("POST", "/api/v1/device-authorization", Map.of(), null);
            assertThat(codes.status()).as(codes.body()).isEqualTo(200);
        }

        RawHttp.Reply blocked = tv.send("POST", "/api/v1/device-authorization", Map.of(), null);

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 60);
        assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
        // a chunked body: RawHttp passes it on as it came
        assertThat(blocked.body()).contains("\"type\":\"https://rigplane.io/problems/too-many-requests\"");
        assertThat(new RawHttp("127.0.0.25", port).send("POST", "/api/v1/device-authorization", Map.of(), null)
                .status()).as("other addresses are not blocked").isEqualTo(200);

        // guessing device codes is limited the same way
        RawHttp guesser = new RawHttp("127.0.0.26", port);
        Map<String, String> json = Map.of("Content-Type", "application/json");
        for (int i = 0; i < 10; i++) {
            assertThat(guesser.send("POST", "/api/v1/device-authorization/token", json,
                    "{\"deviceCode\": \"guess-" + i + "\"}").status()).isEqualTo(400);
        }
        assertThat(guesser.send("POST", "/api/v1/device-authorization/token", json, "{\"deviceCode\": \"guess\"}")
                .status()).isEqualTo(429);
    }

    @Test
    void moreThanTwentyFailedSignInsFromOneSourceShowTheThrottledPage() {
        RawHttp attacker = new RawHttp("127.0.0.22", port);
        for (int i = 0; i < 20; i++) {
            RawHttp.Reply failed = attacker.signIn("nobody" + i, "wrong-password");
            assertThat(failed.header("Location")).endsWith("/login?error");
        }

        RawHttp.Reply twentyFirst = attacker.signIn("nobody", "wrong-password");
        RawHttp.Reply throttled = attacker.signIn("admin", IntegrationTest.ADMIN_PASSWORD);

        assertThat(twentyFirst.header("Location")).endsWith("/login?throttled");
        assertThat(throttled.status()).isEqualTo(302);
        assertThat(throttled.header("Location")).endsWith("/login?throttled");
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(attacker.send("GET", "/login?throttled", Map.of(), null).body()).contains("Too many failed sign-ins");
        assertThat(new RawHttp("127.0.0.23", port).signIn("admin", IntegrationTest.ADMIN_PASSWORD)
                .header("Location")).doesNotContain("error").doesNotContain("throttled");
    }

    @Test
    void anAccountLocksOnlyForTheGuessingSourceWhateverItsRole() {
        for (Role role : Role.values()) {
            String user = fixtures.user("locked", role);
            RawHttp guesser = new RawHttp("127.0.1." + (role.ordinal() + 1), port);
            for (int i = 0; i < 11; i++) {
                guesser.signIn(user, "wrong-password");
            }
            assertThat(guesser.signIn(user, AccessFixtures.PASSWORD.replace(" ", "%20")).header("Location"))
                    .as("the guessing address is locked out of " + role).endsWith("/login?throttled");
            assertThat(new RawHttp("127.0.1.100", port).signIn(user, AccessFixtures.PASSWORD.replace(" ", "%20"))
                    .header("Location")).as("the owner of a " + role + " account signs in from elsewhere")
                    .doesNotContain("throttled").doesNotContain("error");
        }
    }
}
