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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar on a real PostgreSQL database against the standalone simulator: start-up time,
 * memory, threads and database connections idle and under load, and requests/s with p50/p99 of
 * the read API under wrk. Run by bench/api/run.sh; writes bench/results/api.md.
 */
public final class ServiceBenchmark {

    private static final Pattern RESULT = Pattern.compile(
            "RESULT requests=(\\d+) seconds=([\\d.]+) p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+) max=([\\d.]+) errors=(\\d+) non2xx=(\\d+)");

    /** One wrk run: what was asked, and what came back. */
    record Load(String endpoint, String note, double requestsPerSecond, double p50, double p99, long requests,
            long errors) {
    }

    public static void main(String[] args) throws Exception {
        FailFast.onUncaughtFailure();
        Path jar = Path.of(args[0]);
        int profiles = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String duration = args.length > 2 ? args[2] : "20s";
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        Path results = Path.of("bench/results");
        Path logs = Path.of("target/bench");
        String loadBefore = loadAverage();
        TestDatabase.Coordinates database = TestDatabase.another();
        try (StandaloneSimulator simulator = StandaloneSimulator.start(Replica.freePort(), logs.resolve("simulator.log"),
                "--nodes", "10", "--threads", "16", "--task-millis", "200", "--auth-delay-millis", "0")) {
            Replica.Settings settings = Replica.Settings.of(database, simulator.url(), StandaloneSimulator.TOKEN,
                    simulator.fingerprint()).fromJar(jar).jvm().with("--logging.level.root=WARN");
            try (Replica service = Replica.launch(settings, logs.resolve("service.log"));
                 Connection watch = ProcessSample.watch(database)) {
                Duration startUp = service.awaitHealthy(Duration.ofMinutes(3));
                Api api = service.api();
                seed(api, profiles);
                Thread.sleep(5000);
                System.gc();
                ProcessSample idle = ProcessSample.of(service.pid(), watch);

                List<Load> loads = new ArrayList<>();
                String base = "http://127.0.0.1:" + service.port();
                wrk(base + "/api/v1/profiles", "3s", connections, List.of());
                AtomicReference<ProcessSample> loaded = new AtomicReference<>(idle);
                try (Sampler sampler = new Sampler(() -> loaded.accumulateAndGet(
                        ProcessSample.of(service.pid(), watch), ProcessSample::max))) {
                    loads.add(wrk(base + "/api/v1/profiles", duration, connections, List.of())
                            .named("GET /api/v1/profiles", "first page of 50, " + profiles + " profiles"));
                    loads.add(wrk(base + "/api/v1/profiles?size=200", duration, connections, List.of())
                            .named("GET /api/v1/profiles?size=200", "largest page, " + profiles + " profiles"));
                    loads.add(wrk(base, duration, connections, List.of("/api/v1/profiles/bench-{n}",
                            String.valueOf(profiles))).named("GET /api/v1/profiles/{name}", "random name of " + profiles));
                    loads.add(sessionLoad(api, base, duration, connections));
                }
                String report = report(startUp, idle, loaded.get(), loads, profiles, duration, connections, loadBefore);
                System.out.println(report);
                Files.createDirectories(results);
                Files.writeString(results.resolve("api.md"), report);
            }
        }
        System.exit(0);
    }

    /**
     * GET /api/v1/sessions/{id} exists once wake-and-stream sessions are merged: it is measured when
     * {@code POST /api/v1/sessions} hands out a session, and reported as not available otherwise.
     */
    private static Load sessionLoad(Api api, String base, String duration, int connections) throws Exception {
        Api.Reply created = api.post("/api/v1/sessions", "{\"profile\": \"bench-0\"}");
        if ((created.status() != 201 && created.status() != 202) || !created.json().hasNonNull("id")) {
            return new Load("GET /api/v1/sessions/{id}", "not available (POST /api/v1/sessions answered "
                    + created.status() + ")", Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        String id = created.json().get("id").asString();
        return wrk(base + "/api/v1/sessions/" + id, duration, connections, List.of())
                .named("GET /api/v1/sessions/{id}", "one session");
    }

    private static void seed(Api api, int profiles) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> created = new ArrayList<>();
        for (int i = 0; i < profiles; i++) {
            int n = i;
            created.add(pool.submit(() -> api.post("/api/v1/profiles", """
                    {"name": "bench-%d", "node": "srv%02d", "platform": "windows-11-gaming", "cores": 4,
                     "memoryMiB": 8192, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64,
                     "role": "system"}], "tags": ["bench"]}""".formatted(n, n % 10 + 2)).status()));
        }
        for (Future<Integer> status : created) {
            if (status.get() != 201) {
                throw new IllegalStateException("creating a profile answered " + status.get());
            }
        }
        pool.shutdown();
    }

    private static Partial wrk(String url, String duration, int connections, List<String> scriptArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration, "--latency",
                "-s", "bench/api/wrk.lua", "-H", "Authorization: Bearer " + Replica.TOKEN, url));
        if (!scriptArgs.isEmpty()) {
            command.add("--");
            command.addAll(scriptArgs);
        }
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no result:\n" + output);
        }
        return new Partial(Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(5)), Long.parseLong(m.group(1)),
                Long.parseLong(m.group(7)) + Long.parseLong(m.group(8)));
    }

    /** A wrk result before it is given the name of its endpoint. */
    private record Partial(double rps, double p50, double p99, long requests, long errors) {
        Load named(String endpoint, String note) {
            return new Load(endpoint, note, rps, p50, p99, requests, errors);
        }
    }

    private static String report(Duration startUp, ProcessSample idle, ProcessSample loaded, List<Load> loads,
            int profiles, String duration, int connections, String loadBefore) {
        StringBuilder out = new StringBuilder();
        out.append("# API and service benchmark\n\n");
        out.append(String.format(Locale.ROOT, "%s; packaged jar (`java -jar`, default JVM options), %d profiles, "
                + "wrk with 2 threads and %d connections for %s per endpoint, on the same machine as the service, "
                + "PostgreSQL and the standalone simulator (10 nodes). Load average before the run: %s, after it: %s.%n%n",
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", profiles, connections, duration,
                loadBefore, loadAverage()));
        out.append("| endpoint | requests/s | p50 ms | p99 ms | requests | errors | note |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Load l : loads) {
            if (Double.isNaN(l.requestsPerSecond())) {
                out.append(String.format(Locale.ROOT, "| `%s` | – | – | – | – | – | %s |%n", l.endpoint(), l.note()));
            } else {
                out.append(String.format(Locale.ROOT, "| `%s` | %.0f | %.1f | %.1f | %d | %d | %s |%n", l.endpoint(),
                        l.requestsPerSecond(), l.p50(), l.p99(), l.requests(), l.errors(), l.note()));
            }
        }
        out.append("\n| the service | idle | under the API load (max) |\n| --- | ---: | ---: |\n");
        out.append(String.format(Locale.ROOT, "| start-up to `/actuator/health` UP | %.1f s | |%n", startUp.toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "| RSS (VmRSS) | %d MiB | %d MiB |%n", idle.rssMiB(), loaded.rssMiB()));
        out.append(String.format(Locale.ROOT, "| peak RSS (VmHWM) | %d MiB | %d MiB |%n", idle.peakRssMiB(), loaded.peakRssMiB()));
        out.append(String.format(Locale.ROOT, "| live threads | %d | %d |%n", idle.threads(), loaded.threads()));
        out.append(String.format(Locale.ROOT, "| JDBC connections (pg_stat_activity) | %d | %d |%n", idle.connections(),
                loaded.connections()));
        return out.toString();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
