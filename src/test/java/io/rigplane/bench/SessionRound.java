package io.rigplane.bench;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * One round: the chosen nodes asleep and every VM stopped, all sessions asked for at the same
 * moment, each followed to READY (or FAILED), measured, ended, and its VM stopped again.
 */
final class SessionRound {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Set<String> LAST_STATES = Set.of("READY", "ACTIVE", "FAILED", "ENDED");

    private final Api api;
    private final ProxmoxSimulator simulator;
    private final SimulatorDurations durations;
    private final List<String> nodes;

    SessionRound(Api api, ProxmoxSimulator simulator, SimulatorDurations durations, List<String> nodes) {
        this.api = api;
        this.simulator = simulator;
        this.durations = durations;
        this.nodes = nodes;
    }

    private record Opened(BenchProfile profile, Instant asked, String id) {
    }

    List<SessionSample> run(List<BenchProfile> targets, Set<String> asleep) throws Exception {
        nodes.forEach(node -> simulator.setNodeOnline(node, !asleep.contains(node)));
        List<SessionSample> samples = new ArrayList<>();
        List<Opened> opened;
        try (SimulatorWatch watch = new SimulatorWatch(simulator, targets.stream().map(BenchProfile::vmid).toList(),
                asleep)) {
            opened = openAtOnce(targets);
            Map<String, JsonNode> finished = awaitLastStates(opened);
            for (Opened session : opened) {
                JsonNode last = finished.get(session.id());
                JsonNode operationId = last.get("operationId");
                JsonNode operation = operationId == null || operationId.isNull() ? null
                        : api.get("/api/v1/operations/" + operationId.asString()).json();
                samples.add(SessionSample.of(session.profile().name(), asleep.contains(session.profile().node()),
                        session.asked(), last, operation, watch.nodeOnline(session.profile().node()),
                        watch.streamHostReady(session.profile().vmid()), durations));
            }
        }
        tearDown(opened);
        samples.forEach(SessionRound::print);
        return samples;
    }

    /** One line per session, so that an outlier in the tables can be traced to its parts. */
    private static void print(SessionSample sample) {
        if (!sample.ready()) {
            System.out.printf(Locale.ROOT, "%s: %s (%s)%n", sample.profile(), sample.state(), sample.reason());
            return;
        }
        StringBuilder parts = new StringBuilder();
        sample.overheadParts().forEach((part, took) -> parts.append(", ").append(part).append(' ')
                .append(took.toMillis()));
        System.out.printf(Locale.ROOT, "%s%s: READY after %d ms, overhead %d ms%s%n", sample.profile(),
                sample.nodeAsleep() ? " (node asleep)" : "", sample.timeToReady().toMillis(),
                sample.overhead().toMillis(), parts);
    }

    private List<Opened> openAtOnce(List<BenchProfile> targets) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(targets.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Opened>> calls = new ArrayList<>();
            for (BenchProfile profile : targets) {
                calls.add(callers.submit(() -> {
                    go.await();
                    Instant asked = Instant.now();
                    Api.Reply reply = api.post("/api/v1/sessions", """
                            {"profile": "%s", "clientName": "bench-tv"}""".formatted(profile.name()));
                    if (reply.status() != 202) {
                        throw new IllegalStateException("session for " + profile.name() + " refused: " + reply.body());
                    }
                    return new Opened(profile, asked, reply.json().get("id").asString());
                }));
            }
            go.countDown();
            List<Opened> opened = new ArrayList<>();
            for (Future<Opened> call : calls) {
                opened.add(call.get());
            }
            return opened;
        } finally {
            callers.shutdown();
        }
    }

    /** Reads each session now and then; the measured times come from its stored transitions, not from here. */
    private Map<String, JsonNode> awaitLastStates(List<Opened> opened) throws InterruptedException {
        Map<String, JsonNode> finished = new HashMap<>();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (finished.size() < opened.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("sessions not READY after " + READY_TIMEOUT + ": " + opened);
            }
            Thread.sleep(250);
            for (Opened session : opened) {
                if (!finished.containsKey(session.id())) {
                    JsonNode now = api.get("/api/v1/sessions/" + session.id()).json();
                    if (LAST_STATES.contains(now.get("state").asString())) {
                        finished.put(session.id(), now);
                    }
                }
            }
        }
        return finished;
    }

    private void tearDown(List<Opened> opened) throws InterruptedException {
        for (Opened session : opened) {
            api.delete("/api/v1/sessions/" + session.id());
        }
        List<String> stops = new ArrayList<>();
        for (Opened session : opened) {
            stops.add(stop(session.profile().name()));
        }
        for (String stop : stops) {
            JsonNode done = api.awaitOperation(stop, Duration.ofMinutes(2));
            if (!done.get("state").asString().equals("SUCCEEDED")) {
                throw new IllegalStateException("could not stop a VM between rounds: " + done);
            }
        }
    }

    /** Stops the VM; waits out an operation still running on it (a start that outlived a failed session). */
    private String stop(String profile) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Api.Reply reply = api.post("/api/v1/profiles/" + profile + "/stop", null);
            if (reply.status() == 202) {
                return reply.json().get("id").asString();
            }
            if (reply.status() != 409 || System.nanoTime() > deadline) {
                throw new IllegalStateException("stop of " + profile + " refused: " + reply.body());
            }
            Thread.sleep(200);
        }
    }
}
