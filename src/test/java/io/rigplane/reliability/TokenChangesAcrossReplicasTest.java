package io.rigplane.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.Replica;
import io.rigplane.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas in JVMs of their own on one database, each keeping the tokens it verified in
 * memory: a token revoked, its owner demoted or deleted through one replica is refused by the
 * other within a second, though the other had it cached; and a replica that lost its listening
 * connection forgets what it cached, since it may have missed a change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenChangesAcrossReplicasTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(1);

    ProxmoxSimulator simulator;
    TestDatabase.Coordinates database;
    Replica first;
    Replica second;

    @BeforeAll
    void startReplicas(@TempDir Path logs) throws Exception {
        simulator = ProxmoxSimulator.start(SimulatorSettings.forTests());
        database = TestDatabase.another();
        Replica.Settings settings = Replica.Settings.of(database, simulator);
        first = Replica.launch(settings, logs.resolve("first.log"));
        second = Replica.launch(settings, logs.resolve("second.log"));
        // generous: both start at once on a small machine that may be busy
        first.awaitHealthy(Duration.ofSeconds(300));
        second.awaitHealthy(Duration.ofSeconds(300));
    }

    @AfterAll
    void stopReplicas() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, simulator}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void aTokenRevokedOnOneReplicaIsRefusedOnTheOtherWithinASecond() throws Exception {
        Api.Reply created = first.api().post("/api/v1/tokens",
                "{\"name\":\"revoked-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"scopes\":[\"profiles:read\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("token").asString();
        Api onFirst = first.api().withToken(secret);
        Api onSecond = second.api().withToken(secret);
        assertThat(onFirst.get("/api/v1/profiles").status()).isEqualTo(200);
        assertThat(onSecond.get("/api/v1/profiles").status()).isEqualTo(200);
        awaitCachedOn(second, onSecond);

        assertThat(first.api().delete("/api/v1/tokens/" + created.json().get("id").asLong()).status()).isEqualTo(204);

        assertThat(onFirst.get("/api/v1/profiles").status()).as("on the replica that revoked it").isEqualTo(401);
        assertThat(timeUntil(onSecond, "/api/v1/profiles", 401)).isLessThanOrEqualTo(AT_ONCE);
    }

    @Test
    void aDemotionOnOneReplicaCutsTheTokensScopesOnTheOtherWithinASecond() throws Exception {
        String user = user("operator");
        Api onSecond = second.api().withToken(tokenOf(user, "sessions profiles:read"));
        Api onFirst = first.api().withToken(tokenOf(user, "sessions profiles:read"));
        assertThat(onFirst.get("/api/v1/sessions").status()).isEqualTo(200);
        assertThat(onSecond.get("/api/v1/sessions").status()).isEqualTo(200);
        awaitCachedOn(second, onSecond);

        assertThat(first.api().put("/api/v1/users/" + user + "/role", "{\"role\":\"viewer\"}").status()).isEqualTo(200);

        assertThat(timeUntil(onSecond, "/api/v1/sessions", 403)).isLessThanOrEqualTo(AT_ONCE);
        assertThat(onSecond.get("/api/v1/profiles").status()).as("what a viewer may still do").isEqualTo(200);
        assertThat(onFirst.get("/api/v1/sessions").status()).isEqualTo(403);
    }

    @Test
    void aUserDeletedOnOneReplicaIsRefusedOnTheOtherWithinASecond() throws Exception {
        String user = user("operator");
        Api onSecond = second.api().withToken(tokenOf(user, "profiles:read"));
        assertThat(onSecond.get("/api/v1/profiles").status()).isEqualTo(200);
        awaitCachedOn(second, onSecond);

        assertThat(first.api().delete("/api/v1/users/" + user).status()).isEqualTo(204);

        assertThat(timeUntil(onSecond, "/api/v1/profiles", 401)).isLessThanOrEqualTo(AT_ONCE);
    }

    @Test
    void aReplicaThatLostItsListeningConnectionForgetsWhatItCached() throws Exception {
        String user = user("viewer");
        String secret = tokenOf(user, "profiles:read");
        Api onSecond = second.api().withToken(secret);
        assertThat(onSecond.get("/api/v1/profiles").status()).isEqualTo(200);
        awaitCachedOn(second, onSecond);

        // the revocation commits while no replica listens: its notification reaches nobody
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                        + "where application_name = 'rigplane-notifications'");
            }
            try (PreparedStatement revoke = connection.prepareStatement(
                    "update api_token set revoked_at = now() where token_hash = ?")) {
                revoke.setString(1, sha256(secret));
                assertThat(revoke.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }

        assertThat(timeUntil(onSecond, "/api/v1/profiles", 401)).isLessThanOrEqualTo(AT_ONCE);
    }

    /** Uses the token on the replica until a use is answered from its cache. */
    private static void awaitCachedOn(Replica replica, Api token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            double before = cacheHits(replica);
            assertThat(token.get("/api/v1/profiles/none-such").status()).isIn(404, 403);
            assertThat(token.get("/api/v1/profiles/none-such").status()).isIn(404, 403);
            // the two uses of the token were hits, and so was (at least) the read of the figure itself
            if (cacheHits(replica) - before >= 3) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the replica on port " + replica.port() + " never answered from its cache");
    }

    private static double cacheHits(Replica replica) {
        String metrics = replica.api().get("/actuator/prometheus").body();
        return metrics.lines()
                .filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"verified-tokens\"")
                        && line.contains("result=\"hit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static Duration timeUntil(Api api, String path, int status) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            if (api.get(path).status() == status) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " never answered " + status);
    }

    private String user(String role) {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = first.api().post("/api/v1/users",
                "{\"username\":\"" + name + "\",\"password\":\"a long enough password\",\"role\":\"" + role + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    /** A token of the user, stored as the service stores it (the API makes tokens only for the caller). */
    private String tokenOf(String user, String scopes) throws Exception {
        String secret = "rgp_" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("""
                insert into api_token (name, token_hash, owner_id, scopes, created_at)
                select ?, ?, id, ?, ? from app_user where username = ?""")) {
            insert.setString(1, "t-" + UUID.randomUUID().toString().substring(0, 8));
            insert.setString(2, sha256(secret));
            insert.setString(3, scopes);
            insert.setObject(4, java.sql.Timestamp.from(Instant.now()));
            insert.setString(5, user);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return secret;
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    private static String sha256(String secret) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
