package io.rigplane.bench;

import io.rigplane.support.Api;
import io.rigplane.support.Replica;
import io.rigplane.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar beside a bare Spring Boot + Data JPA application (bench/bare-app), both on the
 * machine's PostgreSQL, both started as a user starts them, on the same JVM with the same options (none
 * unless BENCH_JVM_OPTIONS says otherwise): Rigplane as {@code ./rigplane} starts it (BENCH_AOT=launcher:
 * its extracted jar, with the AOT cache that script trains on Java 25), the bare app as {@code java -jar};
 * BENCH_AOT unset runs both as {@code java -jar}, BENCH_AOT=1 trains an AOT cache for each. Figures:
 * start-up to healthy, resident memory after start, and requests/s with p50/p99 under wrk of
 * Rigplane's authenticated {@code GET /api/v1/sessions/{id}} against the bare app's read of one row by
 * key, with the ratios Rigplane / bare. Rigplane runs in demo mode (its own simulator in-process).
 * Then Rigplane's other read endpoints with 1,000 profiles (skipped when profiles is 0), its threads
 * and database connections. Run by bench/api/run.sh; writes bench/results/api.md.
 */
public final class ServiceBenchmark {

    private static final Pattern RESULT = Pattern.compile(
            "RESULT requests=(\\d+) seconds=([\\d.]+) p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+) max=([\\d.]+) errors=(\\d+) non2xx=(\\d+)");
    private static final String BARE_ROW = "0b6f5c3e-7a51-4c1e-9d2f-2c8a4e6b1f00";

    /** One wrk run: what was asked, and what came back. */
    record Load(String endpoint, String note, double requestsPerSecond, double p50, double p99, long requests,
            long errors) {
    }

    /** What one application showed: start-up, memory after start and under load, the comparable read. */
    record Figures(Duration startUp, Duration startUpCpu, ProcessSample idle, ProcessSample loaded, Load read,
            Restart restart) {
        Figures restarted(Restart again) {
            return new Figures(startUp, startUpCpu, idle, loaded, read, again);
        }
    }

    /** A second start on the same database: what a user's restarts take (no migrations, no first admin). */
    record Restart(Duration startUp, Duration cpu) {
        static final Restart NOT_MEASURED = new Restart(Duration.ZERO, Duration.ZERO);
    }

    private static Restart restart(Prepared run, List<String> arguments, Path log) throws Exception {
        try (JavaService again = JavaService.launch(run.jar(), run.options(), Replica.freePort(), arguments, log)) {
            Duration startUp = again.awaitHealthy(Duration.ofMinutes(3));
            return new Restart(startUp, cpuSoFar(again.pid()));
        }
    }

    /**
     * The CPU time the process spent until it answered healthy: on a shared 2-core machine the wall
     * time to healthy swings by half from run to run, the work done to get there much less.
     */
    private static Duration cpuSoFar(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    public static void main(String[] args) throws Exception {
        FailFast.onUncaughtFailure();
        Path jar = Path.of(args[0]);
        Path bareJar = Path.of(args[1]);
        int profiles = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        String duration = args.length > 3 ? args[3] : "20s";
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        Path results = Path.of("bench/results");
        Path logs = Path.of("target/bench");
        Jvm jvm = Jvm.fromEnvironment();
        String loadBefore = loadAverage();

        Figures bare = bare(bareJar, jvm, logs, duration, connections);
        System.out.println("bare app: " + bare);

        TestDatabase.Coordinates database = TestDatabase.another();
        List<String> arguments = rigplaneArguments(database);
        Prepared rigplaneRun = prepare("rigplane", jar, jvm, logs, rigplaneArguments(TestDatabase.another()));
        List<Load> loads = new ArrayList<>();
        Figures rigplane;
        ProcessSample rigplaneMax;
        try (JavaService service = JavaService.launch(rigplaneRun.jar(), rigplaneRun.options(), Replica.freePort(),
                arguments, logs.resolve("service.log"));
             Connection watch = ProcessSample.watch(database)) {
            Duration startUp = service.awaitHealthy(Duration.ofMinutes(3));
            Duration startUpCpu = cpuSoFar(service.pid());
            Thread.sleep(5000);
            ProcessSample idle = ProcessSample.of(service.pid(), watch);
            Api api = Api.at(port(service)).withToken(Replica.TOKEN);
            seed(api, Math.max(profiles, 1));
            String base = service.base();
            String session = session(api);
            AtomicReference<ProcessSample> loaded = new AtomicReference<>(idle);
            wrk(base + "/api/v1/sessions/" + session, "3s", connections, List.of());
            Load read;
            try (Sampler sampler = new Sampler(() -> loaded.accumulateAndGet(
                    ProcessSample.of(service.pid(), watch), ProcessSample::max))) {
                read = wrk(base + "/api/v1/sessions/" + session, duration, connections, List.of())
                        .named("GET /api/v1/sessions/{id}", "one session, authenticated (bearer token)");
            }
            rigplane = new Figures(startUp, startUpCpu, idle, loaded.get(), read, Restart.NOT_MEASURED);
            if (profiles > 0) {
                try (Sampler sampler = new Sampler(() -> loaded.accumulateAndGet(
                        ProcessSample.of(service.pid(), watch), ProcessSample::max))) {
                    loads.add(wrk(base + "/api/v1/profiles", duration, connections, List.of())
                            .named("GET /api/v1/profiles", "first page of 50, " + profiles + " profiles"));
                    loads.add(wrk(base + "/api/v1/profiles?size=200", duration, connections, List.of())
                            .named("GET /api/v1/profiles?size=200", "largest page, " + profiles + " profiles"));
                    loads.add(wrk(base, duration, connections, List.of("/api/v1/profiles/bench-{n}",
                            String.valueOf(profiles))).named("GET /api/v1/profiles/{name}", "random name of " + profiles));
                }
            }
            loads.add(0, read);
            rigplaneMax = loaded.get();
        }
        rigplane = rigplane.restarted(restart(rigplaneRun, arguments, logs.resolve("service-restart.log")));
        String report = report(rigplane, bare, rigplaneMax, loads, jvm, profiles, duration, connections, loadBefore);
        System.out.println(report);
        Files.createDirectories(results);
        Files.writeString(results.resolve("api.md"), report);
        System.exit(0);
    }

    /** The bare app on a database of its own with one row, measured as Rigplane is. */
    private static Figures bare(Path bareJar, Jvm jvm, Path logs, String duration, int connections) throws Exception {
        TestDatabase.Coordinates database = TestDatabase.another();
        createItemTable(database);
        Prepared run = prepare("bare", bareJar, jvm, logs, bareArguments(createItemTable(TestDatabase.another())));
        Figures figures;
        try (JavaService bare = JavaService.launch(run.jar(), run.options(), Replica.freePort(),
                bareArguments(database), logs.resolve("bare.log"));
             Connection watch = ProcessSample.watch(database)) {
            Duration startUp = bare.awaitHealthy(Duration.ofMinutes(3));
            Duration startUpCpu = cpuSoFar(bare.pid());
            Thread.sleep(5000);
            ProcessSample idle = ProcessSample.of(bare.pid(), watch);
            String url = bare.base() + "/items/" + BARE_ROW;
            wrk(url, "3s", connections, List.of());
            AtomicReference<ProcessSample> loaded = new AtomicReference<>(idle);
            Load read;
            try (Sampler sampler = new Sampler(() -> loaded.accumulateAndGet(
                    ProcessSample.of(bare.pid(), watch), ProcessSample::max))) {
                read = wrk(url, duration, connections, List.of()).named("bare app: GET /items/{id}", "one row by key");
            }
            // a socket timeout or two under wrk on a busy 2-core box is noise (the table shows errors); more is a broken app
            if (read.requests() == 0 || read.errors() * 100 > read.requests()) {
                throw new IllegalStateException("the bare app did not answer its read: " + read);
            }
            figures = new Figures(startUp, startUpCpu, idle, loaded.get(), read, Restart.NOT_MEASURED);
        }
        return figures.restarted(restart(run, bareArguments(database), logs.resolve("bare-restart.log")));
    }

    private static TestDatabase.Coordinates createItemTable(TestDatabase.Coordinates database) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (id text PRIMARY KEY, name text NOT NULL, state text NOT NULL,"
                    + " created_at timestamptz NOT NULL)");
            s.execute("INSERT INTO item VALUES ('" + BARE_ROW + "', 'bench-0', 'READY', now())");
        }
        return database;
    }

    private static List<String> bareArguments(TestDatabase.Coordinates database) {
        return List.of("--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password());
    }

    /**
     * Demo mode (no Proxmox configured: the simulator runs in-process) on the machine's PostgreSQL. Its
     * ports are free ones so that a test run beside the benchmark does not collide with it.
     */
    private static List<String> rigplaneArguments(TestDatabase.Coordinates database) throws Exception {
        Path data = Files.createDirectories(Path.of("target/bench/data-" + UUID.randomUUID()));
        return List.of("--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--rigplane.admin.token=" + Replica.TOKEN,
                "--rigplane.admin.password=replica-test-password",
                "--rigplane.secrets.key-file=" + data.resolve("secret.key"),
                "--rigplane.simulator.port=" + Replica.freePort(),
                "--rigplane.simulator.loopback-octet=" + (100 + (int) (Math.random() * 100)),
                "--rigplane.sessions.wol-ports=" + Replica.freePort());
    }

    private static int port(JavaService service) {
        return Integer.parseInt(service.base().substring(service.base().lastIndexOf(':') + 1));
    }

    /** How the applications start: both as {@code java -jar}, Rigplane as its launcher does, or both with a cache. */
    enum Aot {
        NONE, LAUNCHER, BOTH;

        static Aot fromEnvironment() {
            return switch (System.getenv().getOrDefault("BENCH_AOT", "")) {
                case "", "0" -> NONE;
                case "launcher" -> LAUNCHER;
                case "1" -> BOTH;
                default -> throw new IllegalArgumentException("BENCH_AOT is empty, 0, launcher or 1");
            };
        }
    }

    /** The JVM options both applications get, and how each starts. */
    record Jvm(List<String> options, Aot aot) {
        static Jvm fromEnvironment() {
            String options = System.getenv().getOrDefault("BENCH_JVM_OPTIONS", "").strip();
            return new Jvm(options.isEmpty() ? List.of() : List.of(options.split("\\s+")), Aot.fromEnvironment());
        }

        String describe() {
            String java = "Java " + Runtime.version().feature() + " (" + System.getProperty("java.vm.name") + " "
                    + Runtime.version() + ")";
            String flags = options.isEmpty() ? "default JVM options" : "`" + String.join(" ", options) + "`";
            return java + ", " + flags + switch (aot) {
                case NONE -> "; both as `java -jar` of the packaged jar";
                case LAUNCHER -> "; Rigplane as `./rigplane` starts it (its extracted jar and the options the script"
                        + " gives: target/run/command), the bare app as `java -jar`";
                case BOTH -> "; both from their extracted jar with an AOT cache trained per application";
            };
        }
    }

    /** The jar to run and the options to run it with. */
    record Prepared(Path jar, List<String> options) {
    }

    /**
     * Without the AOT cache, the jar as built. As the launcher runs it, what {@code ./rigplane prepare}
     * wrote down. With a cache for both, the jar extracted (the cache needs plain jars on the class path)
     * and one training run that refreshes the context and exits, on a database of its own.
     */
    private static Prepared prepare(String name, Path jar, Jvm jvm, Path logs, List<String> trainingArguments)
            throws Exception {
        if (jvm.aot() == Aot.LAUNCHER && name.equals("rigplane")) {
            return launcherCommand(jvm);
        }
        if (jvm.aot() != Aot.BOTH) {
            return new Prepared(jar, jvm.options());
        }
        Path directory = logs.resolve("aot-" + name).toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
                "--destination", directory.toString()).inheritIO().start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("extracting " + jar + " failed");
        }
        Path extracted = directory.resolve(jar.getFileName());
        Path cache = directory.resolve("app.aot");
        List<String> training = new ArrayList<>(jvm.options());
        training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh"));
        try (JavaService run = JavaService.launch(extracted, training, Replica.freePort(), trainingArguments,
                logs.resolve(name + "-training.log"))) {
            run.awaitExit(Duration.ofMinutes(5));
        }
        List<String> options = new ArrayList<>(jvm.options());
        options.add("-XX:AOTCache=" + cache);
        return new Prepared(extracted, options);
    }

    /** The java, options and jar that {@code ./rigplane prepare} wrote to target/run/command, one per line. */
    private static Prepared launcherCommand(Jvm jvm) throws Exception {
        List<String> command = Files.readAllLines(Path.of("target/run/command"));
        Path java = Path.of(command.get(0)).toRealPath();
        Path ours = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        if (!java.equals(ours)) {
            throw new IllegalStateException("./rigplane runs " + java + ", this benchmark " + ours
                    + ": run it with BENCH_JAVA_HOME set to that JDK (bench/api/run.sh does)");
        }
        int jarFlag = command.indexOf("-jar");
        List<String> options = new ArrayList<>(jvm.options());
        options.addAll(command.subList(1, jarFlag));
        return new Prepared(Path.of(command.get(jarFlag + 1)), options);
    }

    /** Creates a session and gives its id. */
    private static String session(Api api) {
        Api.Reply created = api.post("/api/v1/sessions", "{\"profile\": \"bench-0\"}");
        if ((created.status() != 201 && created.status() != 202) || !created.json().hasNonNull("id")) {
            throw new IllegalStateException("POST /api/v1/sessions answered " + created.status() + ": " + created.body());
        }
        return created.json().get("id").asString();
    }

    private static void seed(Api api, int profiles) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> created = new ArrayList<>();
        for (int i = 0; i < profiles; i++) {
            int n = i;
            created.add(pool.submit(() -> api.post("/api/v1/profiles", """
                    {"name": "bench-%d", "node": "srv%02d", "platform": "windows-11-gaming", "cores": 4,
                     "memoryMiB": 8192, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64,
                     "role": "system"}], "tags": ["bench"]}""".formatted(n, n % 2 + 2)).status()));
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

    private static String report(Figures rigplane, Figures bare, ProcessSample loaded, List<Load> loads, Jvm jvm,
            int profiles, String duration, int connections, String loadBefore) {
        StringBuilder out = new StringBuilder();
        out.append("# API and service benchmark\n\n");
        out.append(String.format(Locale.ROOT, "%s; %s; wrk with 2 threads and %d "
                + "connections for %s per endpoint after 3 s of warm-up, on the same machine as the services and "
                + "PostgreSQL. Rigplane in demo mode (its simulator in-process) on the machine's PostgreSQL; the bare "
                + "app (bench/bare-app: Spring Boot + Data JPA, one row by key as JSON) on the same server. "
                + "Load average before the run: %s, after it: %s.%n%n",
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", jvm.describe(), connections,
                duration, loadBefore, loadAverage()));
        out.append("## Rigplane beside the bare app\n\n");
        out.append("| figure | Rigplane | bare app | Rigplane / bare | goal |\n| --- | ---: | ---: | ---: | --- |\n");
        double throughput = rigplane.read().requestsPerSecond() / bare.read().requestsPerSecond();
        double startUp = rigplane.startUp().toMillis() / (double) bare.startUp().toMillis();
        double rss = rigplane.idle().rssKiB() / (double) bare.idle().rssKiB();
        out.append(String.format(Locale.ROOT, "| read requests/s | %.0f | %.0f | %.2f | ≥ 0.80 (%s) |%n",
                rigplane.read().requestsPerSecond(), bare.read().requestsPerSecond(), throughput, holds(throughput >= 0.8)));
        out.append(String.format(Locale.ROOT, "| read p50 ms | %.1f | %.1f | %.2f | |%n",
                rigplane.read().p50(), bare.read().p50(), rigplane.read().p50() / bare.read().p50()));
        out.append(String.format(Locale.ROOT, "| read p99 ms | %.1f | %.1f | %.2f | ≤ 50 ms (%s) |%n",
                rigplane.read().p99(), bare.read().p99(), rigplane.read().p99() / bare.read().p99(),
                holds(rigplane.read().p99() <= 50)));
        out.append(String.format(Locale.ROOT, "| start-up to `/actuator/health` 200 | %.1f s | %.1f s | %.2f | ≤ 1.00 (%s) |%n",
                rigplane.startUp().toMillis() / 1000.0, bare.startUp().toMillis() / 1000.0, startUp, holds(startUp <= 1.0)));
        out.append(String.format(Locale.ROOT, "| CPU time spent until healthy | %.1f s | %.1f s | %.2f | |%n",
                rigplane.startUpCpu().toMillis() / 1000.0, bare.startUpCpu().toMillis() / 1000.0,
                rigplane.startUpCpu().toMillis() / (double) Math.max(1, bare.startUpCpu().toMillis())));
        double restart = rigplane.restart().startUp().toMillis() / (double) Math.max(1, bare.restart().startUp().toMillis());
        out.append(String.format(Locale.ROOT, "| restart to healthy (same database, schema in place) | %.1f s | %.1f s | %.2f | |%n",
                rigplane.restart().startUp().toMillis() / 1000.0, bare.restart().startUp().toMillis() / 1000.0, restart));
        out.append(String.format(Locale.ROOT, "| CPU time spent until healthy, restart | %.1f s | %.1f s | %.2f | |%n",
                rigplane.restart().cpu().toMillis() / 1000.0, bare.restart().cpu().toMillis() / 1000.0,
                rigplane.restart().cpu().toMillis() / (double) Math.max(1, bare.restart().cpu().toMillis())));
        out.append(String.format(Locale.ROOT, "| RSS 5 s after healthy | %d MiB | %d MiB | %.2f | ≤ 1.25 (%s) |%n",
                rigplane.idle().rssMiB(), bare.idle().rssMiB(), rss, holds(rss <= 1.25)));
        out.append(String.format(Locale.ROOT, "| RSS under the read load (max) | %d MiB | %d MiB | %.2f | |%n",
                rigplane.loaded().rssMiB(), bare.loaded().rssMiB(),
                rigplane.loaded().rssKiB() / (double) bare.loaded().rssKiB()));
        out.append(String.format(Locale.ROOT, "| live threads after start / under load | %d / %d | %d / %d | | |%n",
                rigplane.idle().threads(), rigplane.loaded().threads(), bare.idle().threads(), bare.loaded().threads()));
        out.append(String.format(Locale.ROOT, "| JDBC connections after start / under load | %d / %d | %d / %d | | |%n%n",
                rigplane.idle().connections(), rigplane.loaded().connections(), bare.idle().connections(),
                bare.loaded().connections()));
        out.append(String.format(Locale.ROOT, "RATIOS throughput=%.2f p99=%.1fms startup=%.2f restart=%.2f rss=%.2f%n%n",
                throughput, rigplane.read().p99(), startUp, restart, rss));
        out.append("## Rigplane's read endpoints\n\n");
        out.append("| endpoint | requests/s | p50 ms | p99 ms | requests | errors | note |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Load l : loads) {
            out.append(String.format(Locale.ROOT, "| `%s` | %.0f | %.1f | %.1f | %d | %d | %s |%n", l.endpoint(),
                    l.requestsPerSecond(), l.p50(), l.p99(), l.requests(), l.errors(), l.note()));
        }
        out.append(String.format(Locale.ROOT, "%nRigplane over the whole run (max): RSS %d MiB, peak RSS %d MiB, "
                + "%d live threads, %d JDBC connections.%n", loaded.rssMiB(), loaded.peakRssMiB(), loaded.threads(),
                loaded.connections()));
        return out.toString();
    }

    private static String holds(boolean holds) {
        return holds ? "holds" : "misses";
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
