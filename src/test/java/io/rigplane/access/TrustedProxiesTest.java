package io.rigplane.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * X-Forwarded-For and X-Forwarded-Proto count only from the proxies named in
 * RIGPLANE_TRUSTED_PROXIES: a trusted proxy's client address is what the throttle counts and the
 * audit records; anyone else's header is ignored, private and loopback addresses included.
 */
@IntegrationTest
@TestPropertySource(properties = "rigplane.trusted-proxies=127.0.6.1, 127.0.7.0/24")
class TrustedProxiesTest {

    @LocalServerPort
    int port;

    @Autowired
    AccessFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forget() {
        fixtures.forgetFailures();
    }

    @Test
    void aTrustedProxysClientIsTheSourceOfTheAuditAndTheThrottle() {
        RawHttp proxy = new RawHttp("127.0.6.1", port);
        proxy.send("GET", "/api/v1/profiles", Map.of("Authorization", "Bearer rgp_wrong",
                "X-Forwarded-For", "198.51.100.7"), null);
        for (int i = 0; i < 21; i++) {
            proxy.send("GET", "/api/v1/profiles", badToken("198.51.100.8"), null);
        }

        assertThat(proxy.send("GET", "/api/v1/profiles", badToken("198.51.100.8"), null).status()).isEqualTo(429);
        assertThat(proxy.send("GET", "/api/v1/profiles", badToken("198.51.100.9"), null).status())
                .as("the proxy's other clients are not blocked").isEqualTo(401);
        assertThat(sourceOfLastFailedSignIn(proxy, "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(sourceOfLastFailedSignIn(new RawHttp("127.0.7.9", port), "203.0.113.1, 127.0.6.1"))
                .as("trusted hops are skipped from the right").isEqualTo("203.0.113.1");
        assertThat(sourceOfLastFailedSignIn(proxy, "203.0.113.1, 10.9.9.9"))
                .as("what the client wrote before the last untrusted hop is not believed").isEqualTo("10.9.9.9");
        assertThat(sourceOfLastFailedSignIn(proxy, "not-an-address")).isEqualTo("127.0.6.1");
        assertThat(proxy.send("GET", "/login", Map.of("X-Forwarded-Proto", "https"), null).header("set-cookie"))
                .as("the proxy says the client came over HTTPS").contains("Secure");
        assertThat(proxy.send("GET", "/", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host",
                "rigplane.example.org"), null).header("Location"))
                .as("links point at the proxy").isEqualTo("https://rigplane.example.org/login");
    }

    @Test
    void anyoneElsesForwardedHeadersAreIgnoredLoopbackIncluded() {
        RawHttp caller = new RawHttp("127.0.6.2", port);
        for (int i = 0; i < 21; i++) {
            caller.send("GET", "/api/v1/profiles", badToken("198.51.100." + i), null);
        }

        assertThat(caller.send("GET", "/api/v1/profiles", badToken("198.51.100.99"), null).status())
                .as("a new X-Forwarded-For per request does not escape the throttle").isEqualTo(429);
        RawHttp other = new RawHttp("127.0.6.3", port);
        assertThat(sourceOfLastFailedSignIn(other, "198.51.100.7")).isEqualTo("127.0.6.3");
        assertThat(other.send("GET", "/login", Map.of("X-Forwarded-Proto", "https"), null).header("set-cookie"))
                .doesNotContain("Secure");
        assertThat(other.send("GET", "/", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host",
                "evil.example.org"), null).header("Location")).isEqualTo("http://localhost:" + port + "/login");
    }

    private String sourceOfLastFailedSignIn(RawHttp from, String forwardedFor) {
        Map<String, String> forwarded = Map.of("X-Forwarded-For", forwardedFor);
        RawHttp.Reply page = from.send("GET", "/login", forwarded, null);
        String cookie = page.header("set-cookie").split(";")[0];
        from.send("POST", "/login", Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded",
                "X-Forwarded-For", forwardedFor),
                "username=admin&password=wrong-password&_csrf=" + RawHttp.csrf(page.body()));
        return jdbc.queryForObject("select source_address from audit_event where action = 'login' "
                + "order by id desc limit 1", String.class);
    }

    private static Map<String, String> badToken(String forwardedFor) {
        return Map.of("Authorization", "Bearer rgp_wrong", "X-Forwarded-For", forwardedFor);
    }
}
