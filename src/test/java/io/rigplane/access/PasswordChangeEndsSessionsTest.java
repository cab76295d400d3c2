package io.rigplane.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.access.user.Role;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** A password change or reset ends the user's other dashboard sessions and says how many; tokens stay. */
@IntegrationTest
class PasswordChangeEndsSessionsTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String RIGHT = AccessFixtures.PASSWORD.replace(" ", "%20");

    @LocalServerPort
    int port;

    @Autowired
    AccessFixtures fixtures;

    RawHttp http;

    @AfterEach
    void forget() {
        fixtures.forgetFailures();
    }

    @Test
    void aChangeOnTheAccountPageEndsTheOtherSessionsButKeepsItsOwn() {
        http = new RawHttp("127.0.5.1", port);
        String user = fixtures.user("ends", Role.OPERATOR);
        String changer = session(user, RIGHT);
        String other = session(user, RIGHT);
        String otherCsrf = RawHttp.csrf(http.send("GET", "/tokens", cookie(other), null).body());

        String csrf = RawHttp.csrf(http.send("GET", "/account", cookie(changer), null).body());
        RawHttp.Reply changed = http.send("POST", "/account/password", form(changer), "currentPassword=" + RIGHT
                + "&newPassword=the%20new%20password&confirmPassword=the%20new%20password&_csrf=" + csrf);
        assertThat(changed.header("Location")).endsWith("/account");

        RawHttp.Reply page = http.send("GET", "/account", cookie(changer), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Ended 1 other dashboard session.");
        assertThat(http.send("GET", "/tokens", cookie(other), null).header("Location"))
                .as("the other session's pages send it to the sign-in").endsWith("/login");
        RawHttp.Reply post = http.send("POST", "/tokens", form(other), "name=after&days=7&_csrf=" + otherCsrf);
        assertThat(post.status()).as("a CSRF-valid post of the ended session is refused").isIn(302, 403);
        assertThat(post.header("Location")).isNotEqualTo("/tokens");
        assertThat(Api.at(port).get("/api/v1/tokens").body()).doesNotContain("\"after\"");
    }

    @Test
    void aChangeThroughTheApiOrAnAdminsResetEndsEverySessionAndSaysHowMany() throws Exception {
        http = new RawHttp("127.0.5.2", port);
        String user = fixtures.user("api-ends", Role.VIEWER);
        String token = fixtures.token(user, Role.VIEWER);
        String first = session(user, RIGHT);
        String second = session(user, RIGHT);

        Api.Reply own = Api.at(port).withToken(token).put("/api/v1/users/" + user + "/password",
                "{\"currentPassword\": \"" + AccessFixtures.PASSWORD + "\", \"newPassword\": \"the new password\"}");

        assertThat(own.status()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(own.body()).get("endedSessions").asInt()).isEqualTo(2);
        assertThat(http.send("GET", "/", cookie(first), null).header("Location")).endsWith("/login");
        assertThat(http.send("GET", "/", cookie(second), null).header("Location")).endsWith("/login");
        assertThat(Api.at(port).withToken(token).get("/api/v1/users/me").status())
                .as("tokens are not revoked silently").isEqualTo(200);

        String third = session(user, "the%20new%20password");
        Api.Reply reset = Api.at(port).put("/api/v1/users/" + user + "/password",
                "{\"newPassword\": \"an admin's new password\"}");
        assertThat(JsonMapper.builder().build().readTree(reset.body()).get("endedSessions").asInt()).isEqualTo(1);
        assertThat(http.send("GET", "/", cookie(third), null).header("Location")).endsWith("/login");
    }

    @Test
    void aDeletedUsersSessionIsNotInheritedByANewUserOfTheSameName() {
        http = new RawHttp("127.0.5.3", port);
        String user = fixtures.user("reborn", Role.VIEWER);
        String old = session(user, RIGHT);
        Api admin = Api.at(port);
        assertThat(admin.delete("/api/v1/users/" + user).status()).isEqualTo(204);
        assertThat(admin.post("/api/v1/users", "{\"username\": \"" + user + "\", \"password\": \"someone else's "
                + "password\", \"role\": \"admin\"}").status()).isEqualTo(201);

        RawHttp.Reply page = http.send("GET", "/users", cookie(old), null);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
    }

    private String session(String username, String password) {
        RawHttp.Reply signedIn = http.signIn(username, password);
        assertThat(signedIn.header("Location")).doesNotContain("error").doesNotContain("throttled");
        return signedIn.header("set-cookie").split(";")[0];
    }

    private static Map<String, String> cookie(String session) {
        return Map.of("Cookie", session);
    }

    private static Map<String, String> form(String session) {
        return Map.of("Cookie", session, "Content-Type", FORM);
    }
}
