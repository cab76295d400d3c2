package io.rigplane.bench;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Wake-and-stream latency: from {@code POST /api/v1/sessions} to READY, for one session (node
 * asleep, node awake) and for many at once over several nodes, some asleep, every VM stopped.
 * Compares each with the simulator's own durations on that path; what is left is the control
 * plane's overhead. Run by bench/sessions/run.sh, which documents the arguments.
 */
public final class SessionBenchmark {

    private static final String TOKEN = "rgp_benchmark-token-abcdefghijklmnopqrstuvwxyz0123";
    /** Guests get 127.77.x.y, apart from the 127.0.x.y of simulators that tests run at the same time. */
    private static final int LOOPBACK_OCTET = 77;
    /** Findings beside the tables: where the time goes, measured on the way. */
    private static final List<String> NOTES = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        FailFast.onUncaughtFailure();
        int rounds = intArg(args, 0, 10);
        int concurrentRounds = intArg(args, 1, 3);
        int sessions = intArg(args, 2, 20);
        int nodes = intArg(args, 3, 5);
        int asleepNodes = intArg(args, 4, 2);
        SimulatorDurations durations = new SimulatorDurations(millisArg(args, 5, 1000), millisArg(args, 6, 5000),
                millisArg(args, 7, 5000), millisArg(args, 8, 2000));
        if (asleepNodes >= nodes) {
            throw new IllegalArgumentException("at least one node must stay awake to wake the others");
        }
        String loadBefore = loadAverage();
        SimulatorSettings settings = SimulatorSettings.defaults().withPort(0)
                .withCluster(nodes, nodes, (sessions + nodes - 1) / nodes, 0).withThreads(32)
                .withAuthFailureDelay(Duration.ZERO).withLoopbackOctet(LOOPBACK_OCTET)
                .withTaskDuration(durations.task()).withNodeBoot(durations.nodeBoot())
                .withGuestBoot(durations.guestBoot()).withStreamHostDelay(durations.streamHostDelay());
        List<SessionReport.Case> cases;
        try (ProxmoxSimulator simulator = ProxmoxSimulator.start(settings)) {
            try (BenchRigplane rigplane = BenchRigplane.start(simulator, settings, TOKEN)) {
                Api api = rigplane.api();
                cases = measure(api, simulator, durations, sessions, nodes, asleepNodes, rounds, concurrentRounds);
            }
        }
        String report = String.format(Locale.ROOT, """
                Simulator durations: task %d ms, node boot %d ms, guest boot %d ms, stream host %d ms after the \
                guest agent. %d sessions on %d nodes (%d asleep), %d round(s) of 1 session per single case \
                (after 1 warm-up round), %d round(s) of %d concurrent sessions.

                %s
                %s
                """, durations.task().toMillis(), durations.nodeBoot().toMillis(),
                durations.guestBoot().toMillis(), durations.streamHostDelay().toMillis(), sessions, nodes, asleepNodes,
                rounds, concurrentRounds, sessions, SessionReport.tables(cases),
                NOTES.stream().map(note -> "- " + note + "\n").collect(Collectors.joining()));
        System.out.println(report);
        Path out = Path.of("bench", "results", "sessions.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "# Wake-and-stream benchmark\n\n" + machine(loadBefore) + "\n" + report);
        System.out.println("written to " + out);
        System.exit(0);
    }

    private static List<SessionReport.Case> measure(Api api, ProxmoxSimulator simulator, SimulatorDurations durations,
            int sessions, int nodes, int asleepNodes, int rounds, int concurrentRounds) throws Exception {
        List<String> nodeNames = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            nodeNames.add(String.format(Locale.ROOT, "srv%02d", i + 2));
        }
        List<BenchProfile> profiles = createProfiles(api, sessions, nodeNames);
        Set<String> asleep = Set.copyOf(nodeNames.subList(nodes - asleepNodes, nodes));
        BenchProfile onSleepingNode = profiles.stream().filter(p -> asleep.contains(p.node())).findFirst()
                .orElseThrow();
        BenchProfile onAwakeNode = profiles.get(0);
        SessionRound round = new SessionRound(api, simulator, durations, nodeNames);
        nodeNames.forEach(node -> simulator.setNodeOnline(node, !asleep.contains(node)));
        NOTES.add(String.format(Locale.ROOT, "Reading a profile's power status (GET /api/v1/profiles/{name}/status)"
                + " took %d ms on a sleeping node and %d ms on an awake one (a read proxied to a node the cluster"
                + " lists as offline is answered 595 and not retried).",
                statusMillis(api, onSleepingNode), statusMillis(api, onAwakeNode)));

        round.run(List.of(onSleepingNode), Set.of(onSleepingNode.node()));
        List<SessionSample> single = new ArrayList<>();
        List<SessionSample> singleAwake = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            single.addAll(round.run(List.of(onSleepingNode), Set.of(onSleepingNode.node())));
            singleAwake.addAll(round.run(List.of(onAwakeNode), Set.of()));
        }
        List<SessionSample> concurrent = new ArrayList<>();
        for (int i = 0; i < concurrentRounds; i++) {
            concurrent.addAll(round.run(profiles, asleep));
        }
        long collections = 0;
        long collecting = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += collector.getCollectionCount();
            collecting += collector.getCollectionTime();
        }
        NOTES.add(String.format(Locale.ROOT, "Garbage collection in the benchmark's JVM (simulator, Rigplane and"
                + " clients together, serial collector): %d collections, %d ms in all (each pause is in"
                + " target/sessions-gc.log).", collections, collecting));
        return List.of(new SessionReport.Case("1 session, node asleep", single),
                new SessionReport.Case("1 session, node awake", singleAwake),
                new SessionReport.Case(sessions + " concurrent, " + asleepNodes + " of " + nodes + " nodes asleep",
                        concurrent));
    }

    private static long statusMillis(Api api, BenchProfile profile) {
        long started = System.nanoTime();
        check(api.get("/api/v1/profiles/" + profile.name() + "/status"), 200);
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** One profile per GPU, spread over the nodes, applied: every VM exists and is stopped. */
    private static List<BenchProfile> createProfiles(Api api, int count, List<String> nodes) {
        List<String> applies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int gpu = i / nodes.size();
            String name = String.format(Locale.ROOT, "bench-%02d", i);
            Api.Reply created = api.post("/api/v1/profiles", """
                    {"name": "%s", "node": "%s", "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 8192,
                     "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64, "role": "system"}],
                     "gpu": "%s"}""".formatted(name, nodes.get(i % nodes.size()),
                    gpu == 0 ? "rtx3070" : "rtx3070-" + (gpu + 1)));
            check(created, 201);
            // the VM stays up between sessions until the benchmark stops it, never by a timer
            check(api.put("/api/v1/profiles/" + name + "/session-settings", "{\"graceSeconds\": 86400}"), 200);
            Api.Reply applied = api.post("/api/v1/profiles/" + name + "/apply", null);
            check(applied, 202);
            applies.add(applied.json().get("id").asString());
        }
        for (String apply : applies) {
            JsonNode done = api.awaitOperation(apply, Duration.ofMinutes(5));
            if (!done.get("state").asString().equals("SUCCEEDED")) {
                throw new IllegalStateException("apply failed: " + done);
            }
        }
        List<BenchProfile> profiles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "bench-%02d", i);
            profiles.add(new BenchProfile(name, nodes.get(i % nodes.size()),
                    api.get("/api/v1/profiles/" + name + "/status").json().get("vmid").asInt()));
        }
        return profiles;
    }

    private static void check(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply.status() + ": " + reply.body());
        }
    }

    private static String machine(String loadBefore) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                        Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).findFirst().orElse("unknown");
        return String.format(Locale.ROOT, """
                | machine | |
                | --- | --- |
                | when | %s |
                | processors (nproc) | %d |
                | CPU | %s |
                | RAM | %s |
                | JDK | %s %s |
                | load average (1, 5, 15 min) before / after | %s / %s |
                | command | `%s` |
                """, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), loadBefore, loadAverage(),
                System.getProperty("bench.command", "java io.rigplane.bench.SessionBenchmark"));
    }

    private static String loadAverage() throws IOException {
        return List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3).stream()
                .collect(Collectors.joining(" "));
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static Duration millisArg(String[] args, int index, long fallback) {
        return Duration.ofMillis(args.length > index ? Long.parseLong(args[index]) : fallback);
    }

    private SessionBenchmark() {
    }
}
