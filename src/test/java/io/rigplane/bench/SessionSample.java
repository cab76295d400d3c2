package io.rigplane.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One session measured: when the client asked, every transition Rigplane stored, the timeline of
 * its power-start operation, and when the simulator's node and stream host were really there.
 */
record SessionSample(String profile, boolean nodeAsleep, Instant asked, String state, @Nullable String reason,
        Map<String, Instant> transitions, @Nullable Instant operationQueued, @Nullable Instant operationRunning,
        @Nullable Instant nodeSeenOnline, @Nullable Instant startCalled, @Nullable Instant nodeOnline,
        @Nullable Instant streamHostReady, SimulatorDurations simulator) {

    static final String[] STATES = {"REQUESTED", "WAKING_HOST", "STARTING_VM", "WAITING_FOR_STREAM_HOST"};

    static SessionSample of(String profile, boolean nodeAsleep, Instant asked, JsonNode session,
            @Nullable JsonNode operation, Optional<Instant> nodeOnline, Optional<Instant> streamHostReady,
            SimulatorDurations simulator) {
        Map<String, Instant> transitions = new LinkedHashMap<>();
        session.get("transitions").forEach(t -> transitions.putIfAbsent(t.get("state").asString(),
                Instant.parse(t.get("at").asString())));
        Instant queued = null;
        Instant running = null;
        Instant seenOnline = null;
        Instant startCalled = null;
        if (operation != null) {
            queued = instant(operation.get("createdAt"));
            running = instant(operation.get("startedAt"));
            for (JsonNode step : operation.get("steps")) {
                String name = step.get("name").asString();
                if (name.startsWith("wait for node")) {
                    seenOnline = instant(step.get("finishedAt"));
                } else if (name.startsWith("start VM")) {
                    startCalled = instant(step.get("startedAt"));
                }
            }
        }
        JsonNode reason = session.get("reason");
        return new SessionSample(profile, nodeAsleep, asked, session.get("state").asString(),
                reason == null || reason.isNull() ? null : reason.asString(), transitions, queued, running,
                seenOnline, startCalled, nodeOnline.orElse(null), streamHostReady.orElse(null), simulator);
    }

    private static @Nullable Instant instant(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asString());
    }

    boolean ready() {
        return transitions.containsKey("READY");
    }

    Duration timeToReady() {
        return Duration.between(asked, transitions.get("READY"));
    }

    Duration intrinsic() {
        return simulator.intrinsic(nodeAsleep);
    }

    /** The figure to drive toward zero. */
    Duration overhead() {
        return timeToReady().minus(intrinsic());
    }

    /** Time spent in a state: until the next transition, or zero when the session skipped it. */
    Duration inState(String state) {
        Instant entered = transitions.get(state);
        if (entered == null) {
            return Duration.ZERO;
        }
        return transitions.values().stream().filter(at -> at.isAfter(entered)).min(Instant::compareTo)
                .map(next -> Duration.between(entered, next)).orElse(Duration.ZERO);
    }

    /** How long READY came after the stream host started listening. */
    Optional<Duration> readyAfterStreamHost() {
        return Optional.ofNullable(streamHostReady).map(at -> Duration.between(at, transitions.get("READY")));
    }

    /**
     * The overhead cut along the timeline, so the parts add up to it: the request until the start
     * operation is queued, Quartz picking it up, the wake beyond the node's boot, noticing the node
     * online, getting to the start call, the simulator's own path after the start call (its slack
     * over the configured durations), and READY after the stream host listens.
     */
    Map<String, Duration> overheadParts() {
        Map<String, Duration> parts = new LinkedHashMap<>();
        if (operationQueued == null || operationRunning == null || startCalled == null || streamHostReady == null) {
            return parts;
        }
        parts.put("request → start operation queued", Duration.between(asked, operationQueued));
        parts.put("queued → running (Quartz pickup)", Duration.between(operationQueued, operationRunning));
        Instant beforeStartCall = operationRunning;
        if (nodeAsleep && nodeOnline != null) {
            // a start that found the node already woken by another session's start sees it at once;
            // its wake part is then negative: the boot overlapped with its wait for Quartz
            Instant seen = nodeSeenOnline != null ? nodeSeenOnline : operationRunning;
            parts.put("wake: node online − node boot", Duration.between(operationRunning, nodeOnline)
                    .minus(simulator.nodeBoot()));
            parts.put("node online → seen online", Duration.between(nodeOnline, seen));
            beforeStartCall = seen;
        } else {
            parts.put("wake: node online − node boot", Duration.ZERO);
            parts.put("node online → seen online", Duration.ZERO);
        }
        parts.put("→ start call", Duration.between(beforeStartCall, startCalled));
        parts.put("start call → stream host, beyond task + boot + delay",
                Duration.between(startCalled, streamHostReady).minus(simulator.fromStartCall()));
        parts.put("stream host ready → READY", Duration.between(streamHostReady, transitions.get("READY")));
        return parts;
    }
}
