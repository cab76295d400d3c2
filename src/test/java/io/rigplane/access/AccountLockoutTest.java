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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords lock an account for the address they came from only, each lock longer than the
 * last; an admin unlocks (also by resetting the password); a password change through the API
 * cannot be used to guess. Each test plays its clients from its own 127.0.4.x addresses.
 */
@IntegrationTest
class AccountLockoutTest {

    private static final String RIGHT = AccessFixtures.PASSWORD.replace(" ", "%20");

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
    void locksGrowAndAreAuditedWithTheirSource() {
        String user = fixtures.user("grow", Role.OPERATOR);
        RawHttp guesser = new RawHttp("127.0.4.1", port);
        for (int i = 0; i < 11; i++) {
            guesser.signIn(user, "wrong-password");
        }
        RawHttp.Reply first = guesser.signIn(user, RIGHT);
        assertThat(first.header("Location")).endsWith("/login?throttled");
        assertThat(Long.parseLong(first.header("Retry-After"))).isBetween(240L, 300L);

        // the first lock has run out; eleven more wrong passwords lock the pair for twice as long
        jdbc.update("update sign_in_lock set locked_until = now() - interval '1 second' where username = ?", user);
        jdbc.update("delete from auth_failure"); // the per-source limit (20 a minute) is not under test here
        assertThat(guesser.signIn(user, "wrong-password").header("Location")).endsWith("/login?error");
        for (int i = 0; i < 10; i++) {
            guesser.signIn(user, "wrong-password");
        }
        RawHttp.Reply second = guesser.signIn(user, RIGHT);
        assertThat(second.header("Location")).endsWith("/login?throttled");
        assertThat(Long.parseLong(second.header("Retry-After"))).isBetween(540L, 600L);

        assertThat(jdbc.queryForList("select source_address || ' ' || detail from audit_event where action = 'user.lock' "
                + "and target = ? order by id", String.class, "user:" + user)).containsExactly(
                "127.0.4.1 locked for 127.0.4.1 for 5 min after 11 wrong passwords (lock 1)",
                "127.0.4.1 locked for 127.0.4.1 for 10 min after 11 wrong passwords (lock 2)");
    }

    @Test
    void anAdminUnlocksAnAccountForEverySourceAndTheUnlockIsAudited() {
        String user = fixtures.user("unlock", Role.VIEWER);
        RawHttp first = new RawHttp("127.0.4.2", port);
        RawHttp second = new RawHttp("127.0.4.3", port);
        for (int i = 0; i < 11; i++) {
            first.signIn(user, "wrong-password");
            second.signIn(user, "wrong-password");
        }
        assertThat(second.signIn(user, RIGHT).header("Location")).endsWith("/login?throttled");

        Api admin = Api.at(port);
        assertThat(admin.withToken(fixtures.token(user, Role.VIEWER)).delete("/api/v1/users/" + user + "/lock")
                .status()).as("only admins unlock").isEqualTo(403);
        assertThat(admin.delete("/api/v1/users/nobody-here/lock").status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/users/" + user + "/lock").status()).isEqualTo(204);

        assertThat(first.signIn(user, RIGHT).header("Location")).doesNotContain("throttled").doesNotContain("error");
        assertThat(second.signIn(user, RIGHT).header("Location")).doesNotContain("throttled").doesNotContain("error");
        assertThat(jdbc.queryForList("select actor_name || ' ' || detail from audit_event where action = 'user.unlock' "
                + "and target = ?", String.class, "user:" + user))
                .containsExactly("admin/bootstrap unlocked by admin; 2 locked source(s)");
    }

    @Test
    void anAdminsPasswordResetUnlocksTheAccount() {
        String user = fixtures.user("reset", Role.VIEWER);
        RawHttp guesser = new RawHttp("127.0.4.4", port);
        for (int i = 0; i < 11; i++) {
            guesser.signIn(user, "wrong-password");
        }
        assertThat(Api.at(port).put("/api/v1/users/" + user + "/password",
                "{\"newPassword\": \"a brand new password\"}").status()).isEqualTo(200);

        assertThat(guesser.signIn(user, "a%20brand%20new%20password").header("Location"))
                .doesNotContain("throttled").doesNotContain("error");
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'user.unlock' and target = ?",
                String.class, "user:" + user)).containsExactly("password reset; 1 locked source(s)");
    }

    @Test
    void aTokenCannotGuessItsOwnersPasswordThroughThePasswordChange() {
        String user = fixtures.user("guess", Role.VIEWER);
        Map<String, String> headers = Map.of("Authorization", "Bearer " + fixtures.token(user, Role.VIEWER),
                "Content-Type", "application/json");
        RawHttp thief = new RawHttp("127.0.4.5", port);
        String path = "/api/v1/users/" + user + "/password";
        for (int i = 0; i < 10; i++) {
            assertThat(thief.send("PUT", path, headers, change("wrong guess " + i)).status()).isEqualTo(400);
        }
        assertThat(thief.send("PUT", path, headers, change("wrong guess 10")).status()).isEqualTo(429);

        RawHttp.Reply right = thief.send("PUT", path, headers, change(AccessFixtures.PASSWORD));

        assertThat(right.status()).as("the lock is checked before the password").isEqualTo(429);
        assertThat(right.header("Retry-After")).isNotNull();
        assertThat(new RawHttp("127.0.4.6", port).signIn(user, RIGHT).header("Location"))
                .as("the password is unchanged, and the owner signs in from elsewhere")
                .doesNotContain("throttled").doesNotContain("error");
        assertThat(thief.signIn(user, RIGHT).header("Location")).as("the sign-in from the thief's address is locked too")
                .endsWith("/login?throttled");
    }

    private static String change(String current) {
        return "{\"currentPassword\": \"" + current + "\", \"newPassword\": \"the thief's new password\"}";
    }
}
