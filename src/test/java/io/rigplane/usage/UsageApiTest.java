package io.rigplane.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rigplane.session.SessionFixtures;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/usage: hours per day from recorded power operations and sessions, and from a real run on the simulator. */
@IntegrationTest
@TestPropertySource(properties = "rigplane.usage.watts.srv03=200")
class UsageApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void hoursPerDayFromRecordedStartsStopsIdleStopsAndSessions() {
        Api api = Api.at(port);
        String name = profileWithoutVm(api, "srv03");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate d3 = today.minusDays(3);
        LocalDate d2 = today.minusDays(2);
        LocalDate d1 = today.minusDays(1);
        operation("power-start", name, "USER", "admin", "Started VM 123", at(d3, "10:00"));
        operation("power-shutdown", name, "SCHEDULE", "session idle stop", "Shut down VM 123", at(d3, "14:30"));
        operation("power-start", name, "USER", "admin", "Started VM 123", at(d2, "08:00"));
        // a start while running changes nothing
        operation("power-start", name, "DEVICE", "tv", "VM 123 was already running", at(d2, "12:00"));
        operation("power-stop", name, "USER", "admin", "Stopped VM 123", at(d1, "02:00"));
        // a stop of a stopped VM saves nothing, even by idle stop
        operation("power-shutdown", name, "SCHEDULE", "session idle stop", "VM 123 was already stopped", at(d1, "03:00"));
        session(name, at(d2, "09:00"), at(d2, "09:05"), at(d2, "11:05"), at(d2, "11:20"));

        JsonNode report = api.get("/api/v1/usage?profile=" + name).json();
        assertThat(report.get("from").asString()).isEqualTo(today.minusDays(29).toString());
        assertThat(report.get("to").asString()).isEqualTo(today.toString());
        JsonNode usage = report.get("profiles").get(0);
        assertThat(usage.get("profile").asString()).isEqualTo(name);
        assertThat(usage.get("days")).hasSize(30);
        assertThat(usage.get("watts").asDouble()).isEqualTo(200.0);

        JsonNode day3 = day(usage, d3);
        assertThat(day3.get("poweredOnHours").asDouble()).isEqualTo(4.5);
        assertThat(day3.get("idleStopSavedHours").asDouble()).isEqualTo(9.5);
        assertThat(day3.get("kWh").asDouble()).isEqualTo(0.9);
        assertThat(day3.get("savedKWh").asDouble()).isEqualTo(1.9);
        JsonNode day2 = day(usage, d2);
        assertThat(day2.get("poweredOnHours").asDouble()).isEqualTo(16.0);
        assertThat(day2.get("idleStopSavedHours").asDouble()).isEqualTo(8.0);
        assertThat(day2.get("streamedHours").asDouble()).isEqualTo(2.0);
        JsonNode day1 = day(usage, d1);
        assertThat(day1.get("poweredOnHours").asDouble()).isEqualTo(2.0);
        assertThat(day1.get("idleStopSavedHours").asDouble()).isZero();
        assertThat(day(usage, today).get("poweredOnHours").asDouble()).isZero();

        assertThat(usage.get("poweredOnHours").asDouble()).isEqualTo(22.5);
        assertThat(usage.get("streamedHours").asDouble()).isEqualTo(2.0);
        assertThat(usage.get("idleStopSavedHours").asDouble()).isEqualTo(17.5);
        assertThat(usage.get("kWh").asDouble()).isEqualTo(4.5);
        assertThat(usage.get("runningSince").isNull()).isTrue();

        // a range that begins while the VM ran counts from the range's first midnight
        JsonNode single = api.get("/api/v1/usage?profile=" + name + "&from=" + d1 + "&to=" + d1).json()
                .get("profiles").get(0);
        assertThat(single.get("days")).hasSize(1);
        assertThat(single.get("poweredOnHours").asDouble()).isEqualTo(2.0);
    }

    @Test
    void aStartASessionAndAnIdleStopOnTheSimulatorAreCountedAsTheyHappened() {
        SessionFixtures fixtures = new SessionFixtures(port);
        Api api = fixtures.api();
        String name = fixtures.appliedProfile("usage", null);
        fixtures.settings(name, "{\"idleTimeoutSeconds\": 2, \"graceSeconds\": 1}");
        String id = SessionFixtures.open(api, name).get("id").asString();
        fixtures.awaitState(id, "READY");
        for (int i = 0; i < 4; i++) {
            assertThat(api.post("/api/v1/sessions/" + id + "/heartbeat", null).status()).isLessThan(300);
            SessionFixtures.sleep(1_000);
        }
        fixtures.awaitState(id, "ENDED");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode shutdown = null;
        while (shutdown == null && System.nanoTime() < deadline) {
            for (JsonNode op : api.get("/api/v1/operations?target=" + name).json().get("items")) {
                if (op.get("kind").asString().equals("power-shutdown") && op.get("state").asString().equals("SUCCEEDED")) {
                    shutdown = op;
                }
            }
            SessionFixtures.sleep(200);
        }
        assertThat(shutdown).as("the idle stop's shutdown").isNotNull();
        assertThat(shutdown.get("actor").asString()).isEqualTo("session idle stop");
        JsonNode start = null;
        for (JsonNode op : api.get("/api/v1/operations?target=" + name).json().get("items")) {
            if (op.get("kind").asString().equals("power-start")) {
                start = op;
            }
        }
        Instant on = Instant.parse(start.get("finishedAt").asString());
        Instant off = Instant.parse(shutdown.get("finishedAt").asString());
        JsonNode session = api.get("/api/v1/sessions/" + id).json();
        SessionFixtures.sleep(1_500);

        Instant asked = Instant.now();
        JsonNode usage = api.get("/api/v1/usage?profile=" + name).json().get("profiles").get(0);
        double expectedOn = Duration.between(on, off).toMillis() / 3_600_000.0;
        assertThat(usage.get("poweredOnHours").asDouble()).isCloseTo(expectedOn, within(0.0002));
        assertThat(usage.get("streamedHours").asDouble()).as(session.toString())
                .isGreaterThan(0.0005).isLessThan(expectedOn);
        double expectedSaved = Duration.between(off, asked).toMillis() / 3_600_000.0;
        assertThat(usage.get("idleStopSavedHours").asDouble()).isCloseTo(expectedSaved, within(0.0006));
        assertThat(usage.get("runningSince").isNull()).isTrue();
        // srv02 has no watts set: no kWh rather than an invented figure
        assertThat(usage.get("kWh").isNull()).isTrue();
    }

    @Test
    void aRunningVmCountsItsCurrentRunFromProxmoxUptime() {
        SessionFixtures fixtures = new SessionFixtures(port);
        Api api = fixtures.api();
        String name = fixtures.appliedProfile("uptime", null);
        JsonNode started = api.awaitOperation(api.post("/api/v1/profiles/" + name + "/start", null).json().get("id")
                .asString(), Duration.ofSeconds(60));
        assertThat(started.get("state").asString()).isEqualTo("SUCCEEDED");
        // forget Rigplane's own record: the figure must come from Proxmox's uptime alone
        jdbc.sql("delete from operation where target = :name and kind = 'power-start'").param("name", name).update();
        SessionFixtures.sleep(3_000);

        JsonNode usage = api.get("/api/v1/usage?profile=" + name).json().get("profiles").get(0);
        Instant since = Instant.parse(usage.get("runningSince").asString());
        assertThat(Duration.between(since, Instant.now()).toMillis()).isBetween(2_500L, 20_000L);
        assertThat(usage.get("poweredOnHours").asDouble() * 3600).isBetween(2.5, 20.0);
        assertThat(usage.get("proxmoxAnswered").asBoolean()).isTrue();
        api.awaitOperation(api.post("/api/v1/profiles/" + name + "/stop", null).json().get("id").asString(),
                Duration.ofSeconds(60));
    }

    @Test
    void badRangesAndUnknownProfilesAreProblemsThatChangeNothing() {
        Api api = Api.at(port);
        Api.Reply garbage = api.get("/api/v1/usage?from=yesterday");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.contentType()).startsWith("application/problem+json");
        assertThat(garbage.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(api.get("/api/v1/usage?from=2026-13-01").status()).isEqualTo(400);
        Api.Reply backwards = api.get("/api/v1/usage?from=2026-11-10&to=2026-11-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        Api.Reply tooLong = api.get("/api/v1/usage?from=2025-01-01&to=2026-01-02");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("366 days");
        assertThat(api.get("/api/v1/usage?from=2025-01-01&to=2026-01-01").status()).isEqualTo(200);
        Api.Reply unknown = api.get("/api/v1/usage?profile=no-such-profile");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).endsWith("/profile-not-found");
    }

    @Test
    void aTokenThatMayReadProfilesMayReadUsageAndOneWithoutMayNot() {
        Api api = Api.at(port);
        String reader = api.post("/api/v1/tokens", "{\"name\": \"usage-reader-" + UUID.randomUUID().toString()
                .substring(0, 6) + "\", \"scopes\": [\"profiles:read\"]}").json().get("token").asString();
        String sessions = api.post("/api/v1/tokens", "{\"name\": \"usage-sessions-" + UUID.randomUUID().toString()
                .substring(0, 6) + "\", \"scopes\": [\"sessions\"]}").json().get("token").asString();
        assertThat(api.withToken(reader).get("/api/v1/usage").status()).isEqualTo(200);
        assertThat(api.withToken(sessions).get("/api/v1/usage").status()).isEqualTo(403);
    }

    static String profileWithoutVm(Api api, String node) {
        String name = "usage-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "%s", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name, node));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    private static Instant at(LocalDate day, String time) {
        return Instant.parse(day + "T" + time + ":00Z");
    }

    private static JsonNode day(JsonNode usage, LocalDate date) {
        for (JsonNode day : usage.get("days")) {
            if (day.get("date").asString().equals(date.toString())) {
                return day;
            }
        }
        throw new AssertionError("no day " + date + " in " + usage);
    }

    private void operation(String kind, String target, String actorType, String actor, String summary, Instant finished) {
        jdbc.sql("""
                insert into operation (id, kind, target, params, state, actor_type, actor_name, summary, attempts,
                                       created_at, started_at, finished_at, updated_at)
                values (:id, :kind, :target, '{}', 'SUCCEEDED', :actorType, :actor, :summary, 1, :created, :created,
                        :finished, :finished)""")
                .param("id", UUID.randomUUID()).param("kind", kind).param("target", target)
                .param("actorType", actorType).param("actor", actor).param("summary", summary)
                .param("created", Timestamp.from(finished.minusSeconds(20))).param("finished", Timestamp.from(finished))
                .update();
    }

    private void session(String profile, Instant ready, Instant active, Instant lastActivity, Instant ended) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into stream_session (id, profile, actor_type, actor_name, client_name, state, reason, created_at,
                                            ready_at, ended_at, last_activity_at)
                values (:id, :profile, 'USER', 'admin', 'tv', 'ENDED', 'no stream and no heartbeat for 15 min',
                        :created, :ready, :ended, :last)""")
                .param("id", id).param("profile", profile).param("created", Timestamp.from(ready.minusSeconds(60)))
                .param("ready", Timestamp.from(ready)).param("ended", Timestamp.from(ended))
                .param("last", Timestamp.from(lastActivity)).update();
        jdbc.sql("insert into stream_session_transition (session_id, state, at) values (:id, 'ACTIVE', :at)")
                .param("id", id).param("at", Timestamp.from(active)).update();
    }
}
