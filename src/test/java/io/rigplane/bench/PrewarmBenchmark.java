package io.rigplane.bench;

import io.rigplane.session.prewarm.Prewarmer;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Time to play (POST /api/v1/sessions to READY) for a cold VM on an awake node, a cold VM on a
 * sleeping node, and a VM pre-warmed from its learned habit, side by side on the same simulator.
 * Usage: bench/prewarm/run.sh [rounds=5]. Writes bench/results/prewarm.md.
 */
public final class PrewarmBenchmark {

    private static final String TOKEN = "rgp_benchmark-token-abcdefghijklmnopqrstuvwxyz0123";
    private static final String PROFILE = "prewarm-bench";
    private static final String NODE = "srv02";

    public static void main(String[] args) throws Exception {
        FailFast.onUncaughtFailure();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        SimulatorDurations durations = new SimulatorDurations(Duration.ofMillis(1000), Duration.ofMillis(5000),
                Duration.ofMillis(5000), Duration.ofMillis(2000));
        String loadBefore = loadAverage();
        SimulatorSettings settings = SimulatorSettings.defaults().withPort(0).withCluster(2, 1, 1, 0)
                .withAuthFailureDelay(Duration.ZERO).withLoopbackOctet(78)
                .withTaskDuration(durations.task()).withNodeBoot(durations.nodeBoot())
                .withGuestBoot(durations.guestBoot()).withStreamHostDelay(durations.streamHostDelay());
        List<Long> coldAwake = new ArrayList<>();
        List<Long> coldAsleep = new ArrayList<>();
        List<Long> prewarmed = new ArrayList<>();
        try (ProxmoxSimulator simulator = ProxmoxSimulator.start(settings);
                BenchRigplane rigplane = BenchRigplane.start(simulator, settings, TOKEN)) {
            Api api = rigplane.api();
            JdbcTemplate jdbc = rigplane.context().getBean(JdbcTemplate.class);
            Prewarmer prewarmer = rigplane.context().getBean(Prewarmer.class);
            createProfile(api);
            timeToPlay(api);
            stop(api);
            for (int i = 0; i < rounds; i++) {
                coldAwake.add(timeToPlay(api));
                stop(api);
                simulator.setNodeOnline(NODE, false);
                coldAsleep.add(timeToPlay(api));
                stop(api);
                warm(api, jdbc, prewarmer, durations);
                prewarmed.add(timeToPlay(api));
                stop(api);
            }
        }
        String report = String.format(Locale.ROOT, """
                # Pre-warm benchmark: time to play, cold and pre-warmed

                Time from `POST /api/v1/sessions` to READY, %d rounds of each case on one profile (after a warm-up
                round). Simulator durations: task %d ms, node boot %d ms, guest boot %d ms, stream host %d ms after
                the guest agent. The pre-warmed case: a four-week habit due in 3 minutes, mode on, the warm-up
                started by the pre-warm look and given the time its lead would give (guest boot and stream host),
                then the session.

                | case | median ms | p95 ms | min ms | max ms |
                | --- | --- | --- | --- | --- |
                %s
                %s
                %s

                Pre-warmed time to play is %.3f of a cold start on an awake node and %.3f of one on a sleeping node.

                | machine | |
                | --- | --- |
                | load average before / after | %s / %s |
                | JDK | %s |
                | command | `bench/prewarm/run.sh %d` |
                """, rounds, durations.task().toMillis(), durations.nodeBoot().toMillis(),
                durations.guestBoot().toMillis(), durations.streamHostDelay().toMillis(),
                row("cold VM, node awake", coldAwake), row("cold VM, node asleep", coldAsleep),
                row("pre-warmed VM", prewarmed), (double) median(prewarmed) / median(coldAwake),
                (double) median(prewarmed) / median(coldAsleep), loadBefore,
                loadAverage(), System.getProperty("java.runtime.version"), rounds);
        System.out.println(report);
        Path out = Path.of("bench", "results", "prewarm.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("written to " + out);
        System.exit(0);
    }

    private static String loadAverage() throws java.io.IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    private static void createProfile(Api api) {
        check(api.post("/api/v1/profiles", """
                {"name": "%s", "node": "%s", "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 8192,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64, "role": "system"}],
                 "gpu": "rtx3070"}""".formatted(PROFILE, NODE)), 201);
        check(api.put("/api/v1/profiles/" + PROFILE + "/session-settings", "{\"graceSeconds\": 86400}"), 200);
        Api.Reply applied = check(api.post("/api/v1/profiles/" + PROFILE + "/apply", null), 202);
        await(api, applied.json().get("id").asString());
    }

    /** Milliseconds from the request to READY; the session is ended afterwards. */
    private static long timeToPlay(Api api) {
        long started = System.nanoTime();
        String id = check(api.post("/api/v1/sessions", "{\"profile\": \"" + PROFILE + "\"}"), 202).json()
                .get("id").asString();
        while (true) {
            String state = api.get("/api/v1/sessions/" + id).json().get("state").asString();
            if (state.equals("READY")) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                check(api.delete("/api/v1/sessions/" + id), 200);
                return millis;
            }
            if (state.equals("FAILED") || state.equals("ENDED")) {
                throw new IllegalStateException("session " + id + " ended as " + state);
            }
            sleep(20);
        }
    }

    /** A habit due in three minutes, pre-warm on, the warm-up started and given its lead time. */
    private static void warm(Api api, JdbcTemplate jdbc, Prewarmer prewarmer, SimulatorDurations durations) {
        // each round is a habit of its own: last round's would share its hour and pull the learned time back
        jdbc.update("delete from prewarm_run where profile = ?", PROFILE);
        jdbc.update("delete from stream_session where profile = ?", PROFILE);
        Instant expected = Instant.now().plus(Duration.ofMinutes(3));
        for (int week = 1; week <= 4; week++) {
            Instant created = expected.minus(Duration.ofDays(7L * week));
            jdbc.update("""
                    insert into stream_session (id, profile, actor_type, actor_name, client_name, state, created_at,
                        ready_at, ended_at) values (?, ?, 'USER', 'bench', 'tv', 'ENDED', ?, ?, ?)""",
                    UUID.randomUUID(), PROFILE, Timestamp.from(created), Timestamp.from(created.plusSeconds(30)),
                    Timestamp.from(created.plusSeconds(3600)));
        }
        check(api.put("/api/v1/profiles/" + PROFILE + "/prewarm",
                "{\"mode\": \"on\", \"leadSeconds\": 300, \"zone\": \"UTC\"}"), 200);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            prewarmer.tick();
            JsonNode recent = api.get("/api/v1/profiles/" + PROFILE + "/prewarm").json().get("recent");
            if (!recent.isEmpty() && recent.get(0).get("state").asString().equals("WARM")) {
                break;
            }
            if (!recent.isEmpty() && !recent.get(0).get("state").asString().equals("WARMING")
                    || System.nanoTime() > deadline) {
                throw new IllegalStateException("the warm-up did not get warm: " + recent);
            }
            sleep(200);
        }
        check(api.put("/api/v1/profiles/" + PROFILE + "/prewarm", "{\"mode\": \"suggest\"}"), 200);
        sleep(durations.guestBoot().plus(durations.streamHostDelay()).plusSeconds(1).toMillis());
    }

    private static void stop(Api api) {
        Api.Reply stopped = check(api.post("/api/v1/profiles/" + PROFILE + "/stop", null), 202);
        await(api, stopped.json().get("id").asString());
    }

    private static void await(Api api, String operation) {
        JsonNode done = api.awaitOperation(operation, Duration.ofMinutes(3));
        if (!done.get("state").asString().equals("SUCCEEDED")) {
            throw new IllegalStateException("operation failed: " + done);
        }
    }

    private static String row(String name, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |", name, median(millis),
                sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static long median(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static Api.Reply check(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private PrewarmBenchmark() {
    }
}
