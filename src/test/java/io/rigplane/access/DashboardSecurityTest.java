package io.rigplane.access;

import io.rigplane.access.user.Role;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard's cookie, headers, CSRF protection and role rules, over real HTTP. */
@IntegrationTest
class DashboardSecurityTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;

    @Autowired
    AccessFixtures fixtures;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    RawHttp http;

    @BeforeEach
    void setUp() {
        http = new RawHttp("127.0.0.30", port);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        RawHttp.Reply signedIn = http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);

        String cookie = signedIn.header("set-cookie");
        assertThat(cookie).startsWith("RIGPLANE_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(cookie).as("Secure comes with HTTPS only").doesNotContain("Secure");
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        String session = session("admin", IntegrationTest.ADMIN_PASSWORD);
        for (String page : new String[] {"/", "/users", "/tokens", "/audit", "/account", "/profiles", "/login"}) {
            RawHttp.Reply reply = http.send("GET", page, Map.of("Cookie", session), null);
            assertThat(reply.status()).as(page).isEqualTo(200);
            assertThat(reply.header("content-security-policy")).as(page)
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(reply.header("x-frame-options")).as(page).isEqualTo("DENY");
            assertThat(reply.header("x-content-type-options")).as(page).isEqualTo("nosniff");
            assertThat(reply.header("referrer-policy")).as(page).isEqualTo("same-origin");
            assertThat(reply.body()).as(page).doesNotContain("<script>").doesNotContain(" style=");
        }
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        String session = session("admin", IntegrationTest.ADMIN_PASSWORD);
        String csrf = RawHttp.csrf(http.send("GET", "/tokens", Map.of("Cookie", session), null).body());

        RawHttp.Reply without = http.send("POST", "/tokens", Map.of("Cookie", session, "Content-Type", FORM),
                "name=no-csrf&scopes=POWER");
        RawHttp.Reply forged = http.send("POST", "/tokens", Map.of("Cookie", session, "Content-Type", FORM),
                "name=forged&scopes=POWER&_csrf=not-the-token");
        RawHttp.Reply with = http.send("POST", "/tokens", Map.of("Cookie", session, "Content-Type", FORM),
                "name=with-csrf&scopes=POWER&_csrf=" + csrf);

        assertThat(without.status()).isEqualTo(403);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(with.status()).isEqualTo(302);
        String page = http.send("GET", "/tokens", Map.of("Cookie", session), null).body();
        assertThat(page).contains("with-csrf").doesNotContain("no-csrf").doesNotContain("forged");
    }

    @Test
    void aTokenLifetimeTheFormDoesNotOfferIsRefusedNeverTakenAsNoExpiry() {
        String user = fixtures.user("lifetime", Role.VIEWER);
        String session = session(user, AccessFixtures.PASSWORD.replace(" ", "%20"));
        String csrf = RawHttp.csrf(http.send("GET", "/tokens", Map.of("Cookie", session), null).body());
        for (String days : new String[] {"-5", "0", "99999", "abc", "7.5"}) {
            http.send("POST", "/tokens", Map.of("Cookie", session, "Content-Type", FORM),
                    "name=life" + days + "&scopes=PROFILES_READ&days=" + days + "&_csrf=" + csrf);
            assertThat(http.send("GET", "/tokens", Map.of("Cookie", session), null).body())
                    .as("days=" + days).contains("must be one of 7, 30, 90, 365 days or never");
        }
        http.send("POST", "/tokens", Map.of("Cookie", session, "Content-Type", FORM),
                "name=forever&scopes=PROFILES_READ&days=never&_csrf=" + csrf);

        assertThat(jdbc.queryForList("select name || ' ' || (expires_at is null) from api_token t join app_user u "
                + "on u.id = t.owner_id where u.username = ?", String.class, user)).containsExactly("forever true");
    }

    @Test
    void aNewTokenIsShownOnOnePageOnly() {
        String session = session("admin", IntegrationTest.ADMIN_PASSWORD);
        String csrf = RawHttp.csrf(http.send("GET", "/tokens", Map.of("Cookie", session), null).body());
        http.send("POST", "/tokens", Map.of("Cookie", session, "Content-Type", FORM),
                "name=shown-once&scopes=PROFILES_READ&days=7&_csrf=" + csrf);

        String first = http.send("GET", "/tokens", Map.of("Cookie", session), null).body();
        String second = http.send("GET", "/tokens", Map.of("Cookie", session), null).body();

        assertThat(first).containsPattern("id=\"new-token\"[^>]*value=\"rgp_");
        assertThat(second).doesNotContain("id=\"new-token\"").contains("shown-once");
    }

    @Test
    void dashboardChangesFollowTheRoles() {
        String viewer = fixtures.user("dash-viewer", Role.VIEWER);
        String operator = fixtures.user("dash-op", Role.OPERATOR);
        String viewerSession = session(viewer, AccessFixtures.PASSWORD);
        String operatorSession = session(operator, AccessFixtures.PASSWORD);

        for (String session : new String[] {viewerSession, operatorSession}) {
            String csrf = RawHttp.csrf(http.send("GET", "/tokens", Map.of("Cookie", session), null).body());
            Map<String, String> post = Map.of("Cookie", session, "Content-Type", FORM);
            assertThat(http.send("GET", "/users", Map.of("Cookie", session), null).status()).isEqualTo(403);
            assertThat(http.send("GET", "/audit", Map.of("Cookie", session), null).status()).isEqualTo(403);
            assertThat(http.send("GET", "/notifications", Map.of("Cookie", session), null).status()).isEqualTo(403);
            assertThat(http.send("GET", "/profiles/new", Map.of("Cookie", session), null).status()).isEqualTo(403);
            assertThat(http.send("GET", "/profiles", Map.of("Cookie", session), null).status()).isEqualTo(200);
            assertThat(http.send("POST", "/profiles", post, "name=x&_csrf=" + csrf).status()).isEqualTo(403);
            assertThat(http.send("POST", "/profiles/x/delete", post, "_csrf=" + csrf).status()).isEqualTo(403);
            assertThat(http.send("POST", "/users", post, "username=x&_csrf=" + csrf).status()).isEqualTo(403);
            assertThat(http.send("POST", "/tokens", post, "name=mine&scopes=PROFILES_READ&_csrf=" + csrf).status())
                    .isEqualTo(302);
        }
        String nav = http.send("GET", "/", Map.of("Cookie", viewerSession), null).body();
        assertThat(nav).contains("href=\"/tokens\"").doesNotContain("href=\"/users\"").doesNotContain("href=\"/audit\"");
        assertThat(nav).doesNotContain("href=\"/notifications\"");
    }

    @Test
    void aDemotedAdminLosesAdminPagesAtOnce() {
        String admin = fixtures.user("dash-admin", Role.ADMIN);
        String session = session(admin, AccessFixtures.PASSWORD);
        assertThat(http.send("GET", "/users", Map.of("Cookie", session), null).status()).isEqualTo(200);

        io.rigplane.support.Api.at(port).put("/api/v1/users/" + admin + "/role", "{\"role\":\"viewer\"}");

        assertThat(http.send("GET", "/users", Map.of("Cookie", session), null).status()).isEqualTo(403);
    }

    @Test
    void everyoneChangesTheirOwnPasswordOnTheAccountPageAndSignInsAreAudited() {
        String viewer = fixtures.user("dash-pw", Role.VIEWER);
        String session = session(viewer, AccessFixtures.PASSWORD);
        String csrf = RawHttp.csrf(http.send("GET", "/account", Map.of("Cookie", session), null).body());
        Map<String, String> post = Map.of("Cookie", session, "Content-Type", FORM);

        http.send("POST", "/account/password", post, "currentPassword=wrong-password-here&newPassword="
                + "the%20new%20password&confirmPassword=the%20new%20password&_csrf=" + csrf);
        assertThat(http.send("GET", "/account", Map.of("Cookie", session), null).body()).contains("is not right");
        http.send("POST", "/account/password", post, "currentPassword=" + AccessFixtures.PASSWORD.replace(" ", "%20")
                + "&newPassword=the%20new%20password&confirmPassword=the%20new%20password&_csrf=" + csrf);

        assertThat(http.signIn(viewer, AccessFixtures.PASSWORD.replace(" ", "%20")).header("Location"))
                .endsWith("/login?error");
        assertThat(http.signIn(viewer, "the%20new%20password").header("Location")).doesNotContain("error");
        assertThat(jdbc.queryForList("select outcome || ' ' || source_address from audit_event "
                + "where action = 'login' and actor_name = ? order by id", String.class, viewer))
                .containsExactly("SUCCESS 127.0.0.30", "FAILURE 127.0.0.30", "SUCCESS 127.0.0.30");
        fixtures.forgetFailures();
    }

    private String session(String username, String password) {
        RawHttp.Reply signedIn = http.signIn(username, password);
        assertThat(signedIn.header("Location")).doesNotContain("error").doesNotContain("throttled");
        return signedIn.header("set-cookie").split(";")[0];
    }
}
