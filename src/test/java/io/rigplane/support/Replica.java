package io.rigplane.support;

import io.rigplane.RigplaneApplication;
import io.rigplane.simulator.ProxmoxSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One replica of the service in a JVM of its own (the test classpath, or the packaged jar), as
 * production runs several of them against one PostgreSQL database and one Proxmox cluster.
 * {@link #kill()} is SIGKILL: no shutdown hook, no graceful stop.
 */
public final class Replica implements AutoCloseable {

    public static final String TOKEN = "rgp_replica-test-token-abcdefghijklmnopqrstuvwxyz";

    private final Process process;
    private final int port;
    private final Path log;

    private Replica(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Where a replica finds its database and cluster, and what it runs from. */
    public record Settings(TestDatabase.Coordinates database, String proxmoxUrl, String proxmoxToken,
            String proxmoxFingerprint, String schedulerName, Path jar, List<String> jvmOptions, List<String> extra) {

        public static Settings of(TestDatabase.Coordinates database, ProxmoxSimulator simulator) {
            return of(database, simulator.url(), simulator.settings().token(), simulator.fingerprint());
        }

        public static Settings of(TestDatabase.Coordinates database, String url, String token, String fingerprint) {
            return new Settings(database, url, token, fingerprint, "replicas-" + UUID.randomUUID(), null,
                    List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), List.of());
        }

        /** Runs {@code java -jar} on the packaged jar instead of the test classpath. */
        public Settings fromJar(Path packaged) {
            return new Settings(database, proxmoxUrl, proxmoxToken, proxmoxFingerprint, schedulerName, packaged,
                    jvmOptions, extra);
        }

        public Settings jvm(String... options) {
            return new Settings(database, proxmoxUrl, proxmoxToken, proxmoxFingerprint, schedulerName, jar,
                    List.of(options), extra);
        }

        /** More {@code --name=value} arguments for the application. */
        public Settings with(String... arguments) {
            List<String> all = new ArrayList<>(extra);
            all.addAll(List.of(arguments));
            return new Settings(database, proxmoxUrl, proxmoxToken, proxmoxFingerprint, schedulerName, jar,
                    jvmOptions, all);
        }

        /** The application's arguments, shared by a replica in a JVM of its own and one in this JVM. */
        public List<String> arguments(int port) {
            List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                    "--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password(),
                    "--rigplane.proxmox.url=" + proxmoxUrl,
                    "--rigplane.proxmox.token=" + proxmoxToken,
                    "--rigplane.proxmox.fingerprint=" + proxmoxFingerprint,
                    "--rigplane.admin.token=" + TOKEN,
                    "--rigplane.admin.password=replica-test-password",
                    "--rigplane.operations.watchdog-interval=5s",
                    "--spring.quartz.scheduler-name=" + schedulerName));
            args.addAll(extra);
            return args;
        }
    }

    /** Starts a replica on a free port; {@link #awaitHealthy(Duration)} waits until it serves. */
    public static Replica launch(Settings settings, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        if (settings.jar() != null) {
            command.addAll(List.of("-jar", settings.jar().toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), RigplaneApplication.class.getName()));
        }
        command.addAll(settings.arguments(port));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Replica(process, port, log);
    }

    public Api api() {
        return Api.at(port).withToken(TOKEN);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** What the replica has logged so far. */
    public String logged() throws IOException {
        return Files.readString(log);
    }

    /** The last lines the replica logged, for a failure report. */
    public String tail(int lines) throws IOException {
        // a log cut mid-character must not hide the rest of the report
        List<String> all = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /actuator/health} answers 200 and returns how long that took since now. */
    public Duration awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Api api = api();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the replica on port " + port + " exited: " + Files.readString(log));
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IllegalStateException notYetListening) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the replica on port " + port + " did not start in " + timeout + "; it logged last:"
                + System.lineSeparator() + tail(60));
    }

    /** SIGKILL, as a crashed machine or an OOM killer would end it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
