package io.rigplane.bench;

import io.rigplane.support.Api;
import io.rigplane.support.Replica;
import io.rigplane.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An hour of a small team's traffic compressed into minutes: each simulated minute every user
 * lists and reads profiles, plans, and applies, starts or stops a VM or streams from it, and now
 * and then a profile is added or removed. Samples heap after a full GC, RSS, live threads and database connections
 * of the packaged jar every few minutes, and fails if any grows beyond its bound. Run by
 * bench/reliability/soak.sh; writes bench/results/soak.md.
 */
public final class SoakRun {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final int SAMPLE_EVERY = 5;

    /** One sample: when (in simulated minutes) and what the process held. */
    record Sample(int minute, long heapAfterGcKiB, ProcessSample process, int operations, int sessions,
            Map<String, Integer> threadKinds) {
    }

    /** What the users did in one simulated minute. */
    record Work(int operations, int sessions) {
        static final Work NONE = new Work(0, 0);

        Work plus(Work other) {
            return new Work(operations + other.operations, sessions + other.sessions);
        }
    }

    public static void main(String[] args) throws Exception {
        FailFast.onUncaughtFailure();
        Path jar = Path.of(args[0]);
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path logs = Path.of("target/bench");
        TestDatabase.Coordinates database = TestDatabase.another();
        List<Sample> samples = new ArrayList<>();
        long started = System.nanoTime();
        String verdict;
        int destructive;
        try (StandaloneSimulator simulator = StandaloneSimulator.start(Replica.freePort(), logs.resolve("soak-simulator.log"),
                "--nodes", "4", "--threads", "16", "--task-millis", "100", "--guest-boot-millis", "200",
                "--auth-delay-millis", "0")) {
            Replica.Settings settings = Replica.Settings.of(database, simulator.url(), StandaloneSimulator.TOKEN,
                    simulator.fingerprint()).fromJar(jar).jvm("-XX:+UseSerialGC").with("--logging.level.root=WARN",
                    // the standalone simulator's guests answer as Apollo with its default login
                    "--rigplane.apollo.username=admin", "--rigplane.apollo.password=admin",
                    // an hour passes in about a minute and a half: idle threads must end as much sooner
                    "--rigplane.sessions.driver-idle=2s");
            try (Replica service = Replica.launch(settings, logs.resolve("soak-service.log"));
                 Connection watch = ProcessSample.watch(database)) {
                service.awaitHealthy(Duration.ofMinutes(3));
                Api api = service.api();
                ExecutorService pool = Executors.newFixedThreadPool(users, r -> {
                    Thread t = new Thread(r, "soak-user");
                    t.setDaemon(true);
                    return t;
                });
                Work work = Work.NONE;
                for (int minute = 0; minute <= minutes; minute++) {
                    if (minute % SAMPLE_EVERY == 0) {
                        samples.add(new Sample(minute, heapAfterGc(service.pid()), ProcessSample.of(service.pid(), watch),
                                work.operations(), work.sessions(), threadKinds(service.pid())));
                        System.out.println(row(samples.get(samples.size() - 1)));
                    }
                    if (minute == minutes) {
                        break;
                    }
                    List<Future<Work>> done = new ArrayList<>();
                    for (int user = 0; user < users; user++) {
                        int u = user;
                        int m = minute;
                        done.add(pool.submit(() -> oneMinuteOf(api, u, m)));
                    }
                    for (Future<Work> f : done) {
                        work = work.plus(f.get());
                    }
                }
                pool.shutdown();
                destructive = Integer.parseInt(simulator.control("GET", "destructive-calls", null)
                        .replaceAll("(?s).*\"count\"\\s*:\\s*(\\d+).*", "$1"));
                verdict = verdict(samples, destructive);
            }
        }
        String report = report(samples, minutes, users, Duration.ofNanos(System.nanoTime() - started), destructive, verdict);
        System.out.println(report);
        Files.createDirectories(Path.of("bench/results"));
        Files.writeString(Path.of("bench/results/soak.md"), report);
        System.exit(verdict.startsWith("PASS") ? 0 : 1);
    }

    /** What one user does in one simulated minute. */
    private static Work oneMinuteOf(Api api, int user, int minute) throws InterruptedException {
        String name = "soak-" + user + "-" + (minute / 10);
        if (minute % 10 == 0) {
            expect(api.post("/api/v1/profiles", """
                    {"name": "%s", "node": "srv%02d", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 2048,
                     "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                    .formatted(name, user % 4 + 2)), 201);
            if (minute >= 20) {
                expect(api.delete("/api/v1/profiles/soak-" + user + "-" + (minute / 10 - 2) + "?releaseVm=true"), 204);
            }
        }
        expect(api.get("/api/v1/profiles"), 200);
        expect(api.get("/api/v1/profiles/" + name), 200);
        expect(api.get("/api/v1/profiles/" + name + "/plan"), 200);
        expect(api.get("/api/v1/operations"), 200);
        if (minute % 10 == 1) {
            streamOnce(api, name);
            return new Work(0, 1);
        }
        String action = switch (minute % 10) {
            case 0 -> "apply";
            case 3, 6 -> "start";
            case 5, 8 -> "stop";
            default -> null;
        };
        if (action == null) {
            expect(api.get("/api/v1/profiles/" + name + "/status"), 200);
            return Work.NONE;
        }
        Api.Reply accepted = api.post("/api/v1/profiles/" + name + "/" + action, null);
        expect(accepted, 202);
        api.awaitOperation(accepted.json().get("id").asString(), Duration.ofSeconds(60));
        return new Work(1, 0);
    }

    /**
     * A thin client's evening: wake-and-stream on the stopped VM, poll the session until it is READY,
     * read it and beat its heartbeat as a client does while streaming, then end it.
     */
    private static void streamOnce(Api api, String profile) throws InterruptedException {
        Api.Reply opened = api.post("/api/v1/sessions", """
                {"profile": "%s", "clientName": "soak-tv"}""".formatted(profile));
        expect(opened, 202);
        String id = opened.json().get("id").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = opened.json().get("state").asString();
        while (!state.equals("READY")) {
            if (state.equals("FAILED") || state.equals("ENDED") || System.nanoTime() > deadline) {
                throw new IllegalStateException("session for " + profile + " ended " + state + ": "
                        + api.get("/api/v1/sessions/" + id).body());
            }
            Thread.sleep(200);
            state = api.get("/api/v1/sessions/" + id).json().get("state").asString();
        }
        for (int read = 0; read < 5; read++) {
            expect(api.get("/api/v1/sessions/" + id), 200);
            expect(api.post("/api/v1/sessions/" + id + "/heartbeat", null), 200);
        }
        expect(api.delete("/api/v1/sessions/" + id), 200);
    }

    private static void expect(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply.status() + ": " + reply.body());
        }
    }

    /** Heap in use right after a full collection (young plus old generation, no metaspace): what the service keeps. */
    private static long heapAfterGc(long pid) throws Exception {
        jcmd(pid, "GC.run");
        long used = 0;
        for (String line : jcmd(pid, "GC.heap_info").split("\n")) {
            Matcher m = HEAP_USED.matcher(line);
            if ((line.contains("generation") || line.contains("heap")) && m.find()) {
                used += Long.parseLong(m.group(1));
            }
        }
        return used;
    }

    /** Live threads by name, numbers left out ("session-driver-#"): what grew names its owner. */
    private static Map<String, Integer> threadKinds(long pid) throws Exception {
        Map<String, Integer> kinds = new TreeMap<>();
        for (String line : jcmd(pid, "Thread.print").split("\n")) {
            if (line.startsWith("\"")) {
                kinds.merge(line.substring(1, line.indexOf('"', 1)).replaceAll("\\d+", "#"), 1, Integer::sum);
            }
        }
        return kinds;
    }

    /** The kinds of thread that are more at the end than at the base, with both counts. */
    static String threadGrowth(Sample base, Sample last) {
        StringBuilder grown = new StringBuilder();
        last.threadKinds().forEach((kind, count) -> {
            int before = base.threadKinds().getOrDefault(kind, 0);
            if (count > before) {
                grown.append(grown.isEmpty() ? "" : ", ").append(kind).append(' ').append(before).append(" → ")
                        .append(count);
            }
        });
        return grown.toString();
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    /**
     * Bounds: after the first five minutes (class loading, JIT, pools filling), heap after GC may
     * grow by 16 MiB, RSS by 64 MiB, threads by 8, and connections never past the pool's size.
     */
    static String verdict(List<Sample> samples, int destructive) {
        if (samples.size() < 3) {
            return "FAIL: too few samples";
        }
        Sample base = samples.get(1);
        Sample last = samples.get(samples.size() - 1);
        List<String> problems = new ArrayList<>();
        long heapGrowth = (last.heapAfterGcKiB() - base.heapAfterGcKiB()) / 1024;
        long rssGrowth = (last.process().rssKiB() - base.process().rssKiB()) / 1024;
        int threadGrowth = last.process().threads() - base.process().threads();
        int maxConnections = samples.stream().mapToInt(s -> s.process().connections()).max().orElse(0);
        if (heapGrowth > 16) {
            problems.add("heap after GC grew by " + heapGrowth + " MiB (bound 16)");
        }
        if (rssGrowth > 64) {
            problems.add("RSS grew by " + rssGrowth + " MiB (bound 64)");
        }
        if (threadGrowth > 8) {
            problems.add("threads grew by " + threadGrowth + " (bound 8: " + threadGrowth(base, last) + ")");
        }
        if (maxConnections > 10) {
            problems.add(maxConnections + " database connections (bound: the pool's 10)");
        }
        if (destructive != 0) {
            problems.add(destructive + " destructive Proxmox calls");
        }
        String growth = String.format(Locale.ROOT, "heap after GC %+d MiB, RSS %+d MiB, threads %+d, at most %d "
                + "connections, %d destructive calls (from minute %d to %d)", heapGrowth, rssGrowth, threadGrowth,
                maxConnections, destructive, base.minute(), last.minute());
        return problems.isEmpty() ? "PASS: " + growth : "FAIL: " + String.join("; ", problems) + " — " + growth;
    }

    private static String row(Sample s) {
        return String.format(Locale.ROOT, "| %d | %d | %d | %.1f | %d | %d | %d | %d |", s.minute(), s.operations(),
                s.sessions(),
                s.heapAfterGcKiB() / 1024.0, s.process().rssMiB(), s.process().peakRssMiB(), s.process().threads(),
                s.process().connections());
    }

    private static String report(List<Sample> samples, int minutes, int users, Duration took, int destructive,
            String verdict) {
        StringBuilder out = new StringBuilder("# Soak\n\n");
        out.append(String.format(Locale.ROOT, "%s; %d simulated minutes of %d users (each minute: list, read, plan, "
                + "operations list, and an apply, start or stop every few minutes; a wake-and-stream session to READY, "
                + "read and ended every ten; a profile added and an old one deleted every ten) in %d s of wall time; packaged jar with `-XX:+UseSerialGC`; load average at the "
                + "end: %s.%n%n", Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", minutes, users,
                took.toSeconds(), ServiceBenchmark.loadAverage()));
        out.append("| minute | operations | sessions | heap after GC MiB | RSS MiB | peak RSS MiB | threads | DB connections |\n");
        out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        samples.forEach(s -> out.append(row(s)).append('\n'));
        out.append("\n**").append(verdict).append("**\n");
        return out.toString();
    }
}
