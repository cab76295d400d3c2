package io.rigplane.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rigplane.access.token.LastUses;
import io.rigplane.access.token.Scope;
import io.rigplane.access.token.TokenSecrets;
import io.rigplane.access.token.VerifiedTokens;
import io.rigplane.access.user.Role;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import io.rigplane.support.StatementLog;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an authenticated read costs the database, a performance contract users notice: with the
 * token verified before, {@code GET /api/v1/sessions/{id}} is one statement in no transaction,
 * and a token's use is written at most once a minute, by a schedule, for many tokens at once.
 */
@IntegrationTest
@Import(StatementLog.Configuration.class)
class RequestPathCostTest {

    @LocalServerPort
    int port;

    @Autowired
    StatementLog statements;

    @Autowired
    VerifiedTokens verifiedTokens;

    @Autowired
    LastUses lastUses;

    @Autowired
    AccessFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void listening() {
        // nothing is cached until the replica hears of every change
        await().atMost(Duration.ofSeconds(30)).until(verifiedTokens::caching);
    }

    @Test
    void aSessionReadWithAVerifiedTokenIsOneStatementInNoTransaction() {
        UUID session = storedSession();
        String user = fixtures.user("reader", Role.OPERATOR);
        Api reader = Api.at(port).withToken(fixtures.token(user, Role.OPERATOR));

        statements.clear();
        Api.Reply cold = reader.get("/api/v1/sessions/" + session);
        assertThat(cold.status()).as(cold.body()).isEqualTo(200);
        // the first request verifies the token in the database (token and owner in one query)
        assertThat(statements.requestStatements()).as("cold").hasSize(2)
                .anyMatch(sql -> sql.contains("api_token"));

        statements.clear();
        Api.Reply warm = reader.get("/api/v1/sessions/" + session);
        assertThat(warm.status()).isEqualTo(200);
        assertThat(warm.json().get("state").asString()).isEqualTo("ENDED");
        assertThat(warm.json().get("transitions")).hasSize(3);
        assertThat(warm.json().get("transitions").get(2).get("detail").asString()).isEqualTo("ended by test");
        assertThat(statements.requestStatements()).as("warm").hasSize(1);
        assertThat(statements.requestTransactions()).as("warm").isEmpty();
    }

    @Test
    void aTokenIsRefusedTheMomentItExpiresThoughItIsStillCached() throws InterruptedException {
        String user = fixtures.user("expiring", Role.VIEWER);
        // long enough for the two uses below on a busy machine
        Instant expiresAt = Instant.now().plusSeconds(15);
        Api script = Api.at(port).withToken(fixtures.token(user, Role.VIEWER, Set.of(Scope.PROFILES_READ), expiresAt));
        assertThat(script.get("/api/v1/profiles").status()).isEqualTo(200);
        assertThat(script.get("/api/v1/profiles").status()).isEqualTo(200);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 100);
        statements.clear();
        assertThat(script.get("/api/v1/profiles").status()).isEqualTo(401);
        // refused from the cached expiry, not because the database was asked
        assertThat(statements.requestStatements()).noneMatch(sql -> sql.contains("from api_token"));
    }

    @Test
    void useIsWrittenOnceAMinuteOffTheRequestPathInOneStatementForManyTokens() {
        String user = fixtures.user("busy", Role.VIEWER);
        List<String> secrets = List.of(fixtures.token(user, Role.VIEWER), fixtures.token(user, Role.VIEWER),
                fixtures.token(user, Role.VIEWER));
        lastUses.flush();

        statements.clear();
        for (int round = 0; round < 5; round++) {
            for (String secret : secrets) {
                assertThat(Api.at(port).withToken(secret).get("/api/v1/profiles").status()).isEqualTo(200);
            }
        }
        assertThat(statements.requestStatements()).noneMatch(RequestPathCostTest::writesLastUse);
        assertThat(lastUsed(secrets)).containsOnlyNulls();

        statements.clear();
        lastUses.flush();
        String flushing = Thread.currentThread().getName();
        assertThat(statements.byThreads(flushing::equals)).filteredOn(entry -> writesLastUse(entry.what()))
                .hasSize(1);
        List<Timestamp> written = lastUsed(secrets);
        assertThat(written).doesNotContainNull();

        // used again within the minute: nothing more to write
        for (String secret : secrets) {
            assertThat(Api.at(port).withToken(secret).get("/api/v1/profiles").status()).isEqualTo(200);
        }
        statements.clear();
        lastUses.flush();
        assertThat(statements.byThreads(flushing::equals)).noneMatch(entry -> writesLastUse(entry.what()));
        assertThat(lastUsed(secrets)).isEqualTo(written);
    }

    private static boolean writesLastUse(String sql) {
        return sql.startsWith("update") && sql.contains("last_used_at");
    }

    private List<Timestamp> lastUsed(List<String> secrets) {
        return secrets.stream().map(secret -> jdbc.queryForObject(
                "select last_used_at from api_token where token_hash = ?", Timestamp.class, TokenSecrets.hash(secret)))
                .toList();
    }

    private UUID storedSession() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(60);
        jdbc.update("""
                insert into stream_session (id, profile, actor_type, actor_name, client_name, state, created_at,
                                            ended_at, last_activity_at)
                values (?, 'cost-profile', 'USER', 'admin', 'test client', 'ENDED', ?, ?, ?)""",
                id, Timestamp.from(at), Timestamp.from(at.plusSeconds(30)), Timestamp.from(at));
        for (String[] transition : List.of(new String[] {"REQUESTED", null}, new String[] {"ENDING", "ended by test"},
                new String[] {"ENDED", "ended by test"})) {
            jdbc.update("insert into stream_session_transition (session_id, state, at, detail) values (?, ?, ?, ?)",
                    id, transition[0], Timestamp.from(at), transition[1]);
        }
        return id;
    }
}
