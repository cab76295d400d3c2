package io.rigplane.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With local sign-in off only single sign-on opens the dashboard: the sign-in page has no password
 * form, a posted password is refused even when right, and API tokens keep working. The provider
 * here cannot be reached at all, which neither stops the start nor ends in an error page.
 */
@IntegrationTest
@TestPropertySource(properties = {"rigplane.local-sign-in=false", "rigplane.oidc.issuer=http://127.0.0.1:1/realm",
        "rigplane.oidc.client-id=rigplane", "rigplane.oidc.client-secret=secret",
        "rigplane.oidc.display-name=Pocket ID"})
class LocalSignInOffTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSignInPageOffersOnlySingleSignOn() {
        RawHttp.Reply page = new RawHttp("127.0.6.1", port).send("GET", "/login", Map.of(), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("name=\"password\"").contains("id=\"sso-sign-in\"")
                .contains("href=\"/oauth2/authorization/oidc\"").contains("Sign in with Pocket ID");
    }

    @Test
    void theRightPasswordIsRefusedButTokensStillWork() {
        RawHttp http = new RawHttp("127.0.6.2", port);
        RawHttp.Reply posted = http.send("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "username=admin&password=" + IntegrationTest.ADMIN_PASSWORD);

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).endsWith("/login?local-off");
        assertThat(http.send("GET", "/login?local-off", Map.of(), null).body())
                .contains("Signing in with a password is turned off here.");
        assertThat(posted.header("set-cookie")).as("no session is made, let alone signed in").isNull();
        assertThat(jdbc.queryForObject("select count(*) from dashboard_session where username = 'admin'",
                Integer.class)).isZero();
        assertThat(Api.at(port).get("/api/v1/users/me").status()).as("API tokens keep working").isEqualTo(200);
    }

    @Test
    void aProviderThatCannotBeReachedIsSaidOnTheSignInPageAndAudited() {
        RawHttp.Reply started = new RawHttp("127.0.6.3", port).send("GET", "/oauth2/authorization/oidc", Map.of(),
                null);

        assertThat(started.status()).isEqualTo(302);
        assertThat(started.header("Location")).endsWith("/login?sso-failed");
        JsonNode failed = Api.at(port).get("/api/v1/audit?action=login&outcome=FAILURE&size=1").json()
                .get("items").get(0);
        assertThat(failed.get("detail").asString()).startsWith("single sign-on: ");
        assertThat(failed.get("sourceAddress").asString()).isEqualTo("127.0.6.3");
    }
}
