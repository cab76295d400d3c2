package io.rigplane.access;

import io.rigplane.access.token.Scope;
import io.rigplane.access.token.LastUses;
import io.rigplane.access.token.TokenSecrets;
import io.rigplane.access.user.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class UserAndTokenApiTest {

    @LocalServerPort
    int port;

    @Autowired
    AccessFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LastUses lastUses;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at(port);
    }

    @Test
    void anAdminManagesUsersAndTheirRoles() {
        Api.Reply created = admin.post("/api/v1/users",
                "{\"username\":\"carol\",\"password\":\"a long enough password\",\"role\":\"operator\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("role").asString()).isEqualTo("operator");
        assertThat(created.body()).doesNotContain("password\"").doesNotContain("argon");
        assertThat(jdbc.queryForObject("select password_hash from app_user where username = 'carol'", String.class))
                .startsWith("{argon2}");

        assertThat(admin.post("/api/v1/users",
                "{\"username\":\"carol\",\"password\":\"a long enough password\",\"role\":\"viewer\"}").json()
                .get("type").asString()).endsWith("/user-exists");
        assertThat(admin.put("/api/v1/users/carol/role", "{\"role\":\"viewer\"}").json().get("role").asString())
                .isEqualTo("viewer");
        assertThat(admin.get("/api/v1/users").json().get("items").toString()).contains("carol");
        assertThat(admin.delete("/api/v1/users/carol").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/users/carol").status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where target = 'user:carol'", Long.class))
                .isEqualTo(3);
    }

    @Test
    void theLastAdminCanBeNeitherDemotedNorDeleted() {
        jdbc.update("update app_user set role = 'VIEWER' where role = 'ADMIN' and username <> 'admin'");

        Api.Reply demote = admin.put("/api/v1/users/admin/role", "{\"role\":\"operator\"}");
        Api.Reply delete = admin.delete("/api/v1/users/admin");

        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.json().get("type").asString()).isEqualTo("https://rigplane.io/problems/last-admin");
        assertThat(delete.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select role from app_user where username = 'admin'", String.class))
                .isEqualTo("ADMIN");

        String second = fixtures.user("second-admin", Role.ADMIN);
        assertThat(admin.put("/api/v1/users/" + second + "/role", "{\"role\":\"viewer\"}").status()).isEqualTo(200);
    }

    @Test
    void anyoneChangesTheirOwnPasswordWithTheCurrentOneOnly() {
        String viewer = fixtures.user("pw", Role.VIEWER);
        Api own = admin.withToken(fixtures.token(viewer, Role.VIEWER));

        Api.Reply wrong = own.put("/api/v1/users/" + viewer + "/password",
                "{\"currentPassword\":\"not the password\",\"newPassword\":\"another long password\"}");
        Api.Reply missing = own.put("/api/v1/users/" + viewer + "/password",
                "{\"newPassword\":\"another long password\"}");
        Api.Reply someoneElses = own.put("/api/v1/users/admin/password",
                "{\"currentPassword\":\"x\",\"newPassword\":\"another long password\"}");
        Api.Reply right = own.put("/api/v1/users/" + viewer + "/password",
                "{\"currentPassword\":\"" + AccessFixtures.PASSWORD + "\",\"newPassword\":\"another long password\"}");

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(someoneElses.status()).isEqualTo(403);
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json().get("endedSessions").asInt()).isZero();
        assertThat(admin.put("/api/v1/users/" + viewer + "/password", "{\"newPassword\":\"reset by the admin\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void aTokenExpiryInThePastOrBeyondTenYearsIsRefused() {
        for (String expiresAt : new String[] {"2020-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                Instant.now().plus(3651, ChronoUnit.DAYS).toString()}) {
            Api.Reply refused = admin.post("/api/v1/tokens",
                    "{\"name\":\"far\",\"scopes\":[\"profiles:read\"],\"expiresAt\":\"" + expiresAt + "\"}");
            assertThat(refused.status()).as(expiresAt).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
        }
        assertThat(jdbc.queryForObject("select count(*) from api_token where name = 'far'", Long.class)).isZero();
    }

    @Test
    void aTokenIsShownOnceListedWithoutItsSecretAndRevokedAtOnce() {
        Api.Reply created = admin.post("/api/v1/tokens",
                "{\"name\":\"backup script\",\"scopes\":[\"profiles:read\",\"power\"],\"expiresAt\":\""
                        + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("token").asString();
        assertThat(secret).startsWith("rgp_");
        long id = created.json().get("id").asLong();
        Api script = admin.withToken(secret);

        assertThat(script.get("/api/v1/profiles").status()).isEqualTo(200);
        assertThat(script.post("/api/v1/profiles", "{}").status()).isEqualTo(403);
        // a use is written in the background, at the next flush
        lastUses.flush();
        JsonNode listed = admin.get("/api/v1/tokens").json().get("items");
        assertThat(listed.toString()).doesNotContain(secret).doesNotContain(TokenSecrets.hash(secret))
                .contains("backup script").contains("lastUsedAt");
        assertThat(lastUsed(listed, id)).isNotNull();

        assertThat(admin.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        Api.Reply afterRevoke = script.get("/api/v1/profiles");
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action in ('token.create', "
                + "'token.revoke') and target like '%/backup script'", Long.class)).isEqualTo(3);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String viewer = fixtures.user("exp", Role.VIEWER);
        String token = fixtures.token(viewer, Role.VIEWER, Set.of(Scope.PROFILES_READ),
                Instant.now().plus(1, ChronoUnit.HOURS));
        Api script = admin.withToken(token);
        assertThat(script.get("/api/v1/profiles").status()).isEqualTo(200);

        jdbc.update("update api_token set expires_at = now() - interval '1 second' where token_hash = ?",
                TokenSecrets.hash(token));

        // a change made in the database, not through this replica, reaches its cache by notification
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> script.get("/api/v1/profiles").status() == 401);
    }

    @Test
    void aTokenNeverExceedsItsOwnersRole() {
        String operator = fixtures.user("op", Role.OPERATOR);
        Api op = admin.withToken(fixtures.token(operator, Role.OPERATOR));
        String viewer = fixtures.user("view", Role.VIEWER);
        Api view = admin.withToken(fixtures.token(viewer, Role.VIEWER));

        Api.Reply adminScoped = op.post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[\"admin\"]}");
        Api.Reply writeScoped = view.post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[\"profiles:write\"]}");
        Api.Reply power = op.post("/api/v1/tokens", "{\"name\":\"ok\",\"scopes\":[\"power\"]}");

        assertThat(adminScoped.status()).isEqualTo(403);
        assertThat(adminScoped.json().get("type").asString()).endsWith("/forbidden");
        assertThat(writeScoped.status()).isEqualTo(403);
        assertThat(power.status()).isEqualTo(201);

        // a token minted while its owner was admin shrinks when the owner is demoted
        String former = fixtures.user("former", Role.ADMIN);
        Api formerAdmin = admin.withToken(fixtures.token(former, Role.ADMIN, EnumSet.of(Scope.ADMIN), null));
        assertThat(formerAdmin.get("/api/v1/users").status()).isEqualTo(200);
        admin.put("/api/v1/users/" + former + "/role", "{\"role\":\"viewer\"}");
        assertThat(formerAdmin.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(formerAdmin.get("/api/v1/profiles").status()).isEqualTo(200);
    }

    @Test
    void aTokenMayNotOutliveTheTokenThatMadeIt() {
        String viewer = fixtures.user("life", Role.VIEWER);
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS);
        Api shortLived = admin.withToken(fixtures.token(viewer, Role.VIEWER, Set.of(Scope.PROFILES_READ), expiry));

        Api.Reply forever = shortLived.post("/api/v1/tokens", "{\"name\":\"forever\",\"scopes\":[\"profiles:read\"]}");

        assertThat(forever.status()).isEqualTo(400);
        assertThat(forever.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
    }

    @Test
    void theAuditLogIsFilteredAndPaged() {
        admin.post("/api/v1/tokens", "{\"name\":\"audited\",\"scopes\":[\"power\"]}");

        Api.Reply page = admin.get("/api/v1/audit?action=token.create&target=token:admin/audited&outcome=SUCCESS"
                + "&from=" + Instant.now().minus(1, ChronoUnit.HOURS) + "&size=5");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("total").asLong()).isEqualTo(1);
        JsonNode event = page.json().get("items").get(0);
        assertThat(event.get("actor").get("name").asString()).isEqualTo("admin/bootstrap");
        assertThat(event.get("sourceAddress").asString()).isNotBlank();
        assertThat(admin.get("/api/v1/audit?target=token:*&size=1").json().get("items")).hasSize(1);
        assertThat(admin.get("/api/v1/audit?size=0").status()).isEqualTo(400);
    }

    private static String lastUsed(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return item.get("lastUsedAt").isNull() ? null : item.get("lastUsedAt").asString();
            }
        }
        return null;
    }
}
