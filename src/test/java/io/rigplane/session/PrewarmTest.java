package io.rigplane.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.session.prewarm.Prewarmer;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Pre-warm from a synthetic four-week history: a habit that is due starts the VM ahead of time and
 * the session that comes finds it warm; a warm-up no session comes for is shut down after the grace
 * period; a GPU held by someone else's session means no warm-up at all.
 */
@IntegrationTest
class PrewarmTest {

    @LocalServerPort
    int port;

    @Autowired
    Prewarmer prewarmer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHabitDueSoonWarmsTheVmAndTheSessionThatComesGoesStraightToReady() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("habit", null);
        Instant expected = habit(profile, Duration.ofMinutes(3), Duration.ofSeconds(40));
        JsonNode before = prewarm(fixtures.api(), profile, "on", 300);
        assertThat(before.get("outlook").get("schedule").asString()).isEqualTo("learned");
        assertThat(before.get("outlook").get("times")).hasSize(1);
        assertThat(before.get("outlook").get("times").get(0).get("day").asString())
                .isEqualTo(expected.atZone(ZoneId.of("UTC")).getDayOfWeek().name());
        assertThat(before.get("outlook").get("times").get(0).get("weeks").asInt()).isEqualTo(4);
        assertThat(before.get("outlook").get("coldTimeToReadySeconds").asLong()).isEqualTo(40);
        Instant planned = Instant.parse(before.get("outlook").get("expectedAt").asString());
        assertThat(Duration.between(planned, expected).abs()).isLessThan(Duration.ofMinutes(1));

        prewarmer.tick();
        JsonNode warming = awaitRun(fixtures.api(), profile, run -> run.get("operationId") != null
                && !run.get("operationId").isNull());
        JsonNode start = fixtures.api().awaitOperation(warming.get("operationId").asString(), Duration.ofSeconds(60));
        assertThat(start.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(start.get("actor").asString()).isEqualTo("pre-warm");
        prewarmer.tick();
        assertThat(awaitRun(fixtures.api(), profile, run -> run.get("state").asString().equals("WARM"))).isNotNull();
        assertThat(fixtures.power(profile)).isEqualTo("running");
        // a second look for the same expected session decides nothing twice
        prewarmer.tick();
        assertThat(prewarm(fixtures.api(), profile).get("recent")).hasSize(1);

        JsonNode opened = SessionFixtures.open(fixtures.api(), profile);
        JsonNode ready = fixtures.awaitState(opened.get("id").asString(), "READY", "FAILED");
        assertThat(ready.get("state").asString()).as(ready.toString()).isEqualTo("READY");
        assertThat(ready.get("transitions").findValuesAsString("state"))
                .containsExactly("REQUESTED", "WAITING_FOR_STREAM_HOST", "READY");
        assertThat(ready.get("operationId").asString()).isEqualTo(warming.get("operationId").asString());

        prewarmer.tick();
        JsonNode used = awaitRun(fixtures.api(), profile, run -> run.get("state").asString().equals("USED"));
        assertThat(used.get("sessionId").asString()).isEqualTo(opened.get("id").asString());
        assertThat(used.get("savedSeconds").asInt()).isBetween(30, 40);
        JsonNode figures = prewarm(fixtures.api(), profile).get("figures");
        assertThat(figures.get("warmUps").asLong()).isEqualTo(1);
        assertThat(figures.get("used").asLong()).isEqualTo(1);
        assertThat(figures.get("wasted").asLong()).isZero();
        assertThat(figures.get("timeToPlaySavedSeconds").asLong()).isBetween(30L, 40L);
        fixtures.api().delete("/api/v1/sessions/" + opened.get("id").asString());
    }

    @Test
    void aWarmUpNoSessionComesForIsShutDownAfterTheGracePeriodAndCountedAsWasted() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("miss", null);
        habit(profile, Duration.ofMinutes(3), Duration.ofSeconds(40));
        prewarm(fixtures.api(), profile, "on", 300);
        prewarmer.tick();
        JsonNode warming = awaitRun(fixtures.api(), profile, run -> !run.get("operationId").isNull());
        fixtures.api().awaitOperation(warming.get("operationId").asString(), Duration.ofSeconds(60));
        prewarmer.tick();
        awaitRun(fixtures.api(), profile, run -> run.get("state").asString().equals("WARM"));
        assertThat(fixtures.power(profile)).isEqualTo("running");

        // stop planning, then let the expected time and the grace period pass: moved back, not waited for
        prewarm(fixtures.api(), profile, "suggest", 300);
        jdbc.update("update prewarm_run set expected_at = expected_at - interval '2 hours' where profile = ?", profile);
        jdbc.update("update session_shutdown set due_at = due_at - interval '2 hours' where profile = ?", profile);
        prewarmer.tick();

        JsonNode wasted = awaitRun(fixtures.api(), profile, run -> run.get("state").asString().equals("WASTED"));
        assertThat(wasted.get("reason").asString()).contains("no session came");
        assertThat(wasted.get("poweredSeconds").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(fixtures.awaitPower(profile, "stopped", Duration.ofSeconds(60))).isTrue();
        JsonNode figures = prewarm(fixtures.api(), profile).get("figures");
        assertThat(figures.get("wasted").asLong()).isEqualTo(1);
        assertThat(figures.get("used").asLong()).isZero();
    }

    @Test
    void noWarmUpWhileAnotherProfilesSessionHoldsTheGpu() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String gamer = fixtures.appliedProfile("holder", "rtx3070");
        String warmed = fixtures.appliedProfile("blocked", "rtx3070");
        String session = SessionFixtures.open(fixtures.api(), gamer).get("id").asString();
        assertThat(fixtures.awaitState(session, "READY", "FAILED").get("state").asString()).isEqualTo("READY");
        try {
            habit(warmed, Duration.ofMinutes(3), Duration.ofSeconds(40));
            prewarm(fixtures.api(), warmed, "on", 300);
            prewarmer.tick();

            JsonNode skipped = awaitRun(fixtures.api(), warmed, run -> run.get("state").asString().equals("SKIPPED"));
            assertThat(skipped.get("reason").asString()).isEqualTo("the GPU is held by profile '" + gamer + "'");
            assertThat(skipped.get("operationId").isNull()).isTrue();
            assertThat(fixtures.power(warmed)).isEqualTo("stopped");
            JsonNode figures = prewarm(fixtures.api(), warmed).get("figures");
            assertThat(figures.get("warmUps").asLong()).isZero();
            assertThat(figures.get("skipped").asLong()).isEqualTo(1);
        } finally {
            // the GPU is the whole suite's: give it back now, not after the grace period
            fixtures.api().delete("/api/v1/sessions/" + session);
            Api.Reply stop = fixtures.api().post("/api/v1/profiles/" + gamer + "/stop", null);
            assertThat(stop.status()).as(stop.body()).isEqualTo(202);
            fixtures.api().awaitOperation(stop.json().get("id").asString(), Duration.ofSeconds(60));
        }
    }

    @Test
    void suggestShowsTheNextWarmUpAndStartsNothingAndAManualScheduleReplacesTheLearnedOne() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("suggest", null);
        habit(profile, Duration.ofMinutes(3), Duration.ofSeconds(40));
        JsonNode suggested = prewarm(fixtures.api(), profile, "suggest", 300);
        assertThat(suggested.get("outlook").get("warmAt").isNull()).isFalse();
        prewarmer.tick();
        assertThat(prewarm(fixtures.api(), profile).get("recent")).isEmpty();
        assertThat(fixtures.power(profile)).isEqualTo("stopped");

        Api.Reply manual = fixtures.api().put("/api/v1/profiles/" + profile + "/prewarm", """
                {"mode": "suggest", "zone": "Europe/Berlin", "manual": [{"day": "SATURDAY", "time": "10:15"}]}""");
        assertThat(manual.status()).as(manual.body()).isEqualTo(200);
        JsonNode outlook = manual.json().get("outlook");
        assertThat(outlook.get("schedule").asString()).isEqualTo("manual");
        Instant next = Instant.parse(outlook.get("expectedAt").asString());
        assertThat(next.atZone(ZoneId.of("Europe/Berlin")).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(next.atZone(ZoneId.of("Europe/Berlin")).toLocalTime().toString()).isEqualTo("10:15");
        assertThat(manual.json().get("settings").get("leadSeconds").asInt()).isEqualTo(180);
    }

    @Test
    void wrongSettingsAreRefusedWithTheirReasonsAndChangeNothing() {
        SessionFixtures fixtures = new SessionFixtures(port);
        String profile = fixtures.appliedProfile("wrong", null);
        Api api = fixtures.api();
        assertThat(api.get("/api/v1/profiles/" + profile + "/prewarm").json().get("settings").get("mode").asString())
                .isEqualTo("off");

        Api.Reply zone = api.put("/api/v1/profiles/" + profile + "/prewarm", "{\"mode\": \"on\", \"zone\": \"Mars/Olympus\"}");
        Api.Reply lead = api.put("/api/v1/profiles/" + profile + "/prewarm", "{\"mode\": \"on\", \"leadSeconds\": -1, \"graceSeconds\": 5}");
        Api.Reply mode = api.put("/api/v1/profiles/" + profile + "/prewarm", "{\"mode\": \"sometimes\"}");
        Api.Reply time = api.put("/api/v1/profiles/" + profile + "/prewarm", "{\"manual\": [{\"day\": \"FRIDAY\", \"time\": \"25:00\"}]}");
        Api.Reply missing = api.put("/api/v1/profiles/" + profile + "/prewarm", "{\"manual\": [{\"day\": \"FRIDAY\"}]}");

        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.body()).contains("zone").contains("is not a time zone");
        assertThat(lead.status()).isEqualTo(400);
        assertThat(lead.body()).contains("leadSeconds").contains("graceSeconds");
        assertThat(mode.status()).isEqualTo(400);
        assertThat(time.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("manual[0]");
        assertThat(api.get("/api/v1/profiles/" + profile + "/prewarm").json().get("settings").get("mode").asString())
                .isEqualTo("off");
        assertThat(api.get("/api/v1/profiles/no-such-profile/prewarm").status()).isEqualTo(404);
    }

    /**
     * Four weeks of sessions on the profile, each at the same time of the week as {@code from now},
     * each READY after {@code timeToReady}: what the profile's owner did every week.
     */
    private Instant habit(String profile, Duration fromNow, Duration timeToReady) {
        Instant expected = Instant.now().plus(fromNow);
        for (int week = 1; week <= 4; week++) {
            Instant created = expected.minus(Duration.ofDays(7L * week));
            jdbc.update("""
                    insert into stream_session (id, profile, actor_type, actor_name, client_name, state, created_at,
                        ready_at, ended_at)
                    values (?, ?, 'USER', 'admin', 'living-room-tv', 'ENDED', ?, ?, ?)""",
                    UUID.randomUUID(), profile, Timestamp.from(created), Timestamp.from(created.plus(timeToReady)),
                    Timestamp.from(created.plus(Duration.ofHours(2))));
        }
        return expected;
    }

    private static JsonNode prewarm(Api api, String profile, String mode, int leadSeconds) {
        Api.Reply saved = api.put("/api/v1/profiles/" + profile + "/prewarm",
                "{\"mode\": \"%s\", \"leadSeconds\": %d, \"graceSeconds\": 600, \"zone\": \"UTC\"}"
                        .formatted(mode, leadSeconds));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return saved.json();
    }

    private static JsonNode prewarm(Api api, String profile) {
        return api.get("/api/v1/profiles/" + profile + "/prewarm").json();
    }

    private static JsonNode awaitRun(Api api, String profile, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode report = null;
        while (System.nanoTime() < deadline) {
            report = prewarm(api, profile);
            JsonNode recent = report.get("recent");
            if (!recent.isEmpty() && condition.test(recent.get(0))) {
                return recent.get(0);
            }
            SessionFixtures.sleep(200);
        }
        throw new AssertionError("the warm-up did not get there: " + report);
    }
}
