package io.rigplane.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Spring Boot application in a JVM of its own, started the way a user starts it
 * ({@code java -jar}, with the JVM options given, none by default), so that Rigplane and the bare
 * application of the API benchmark run under the same JVM and options.
 */
final class JavaService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final long launchedAt;

    private JavaService(Process process, int port, Path log, long launchedAt) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.launchedAt = launchedAt;
    }

    /** {@code java <options> -jar <jar> --server.port=<port> <arguments>}, with the java of this JVM. */
    static JavaService launch(Path jar, List<String> jvmOptions, int port, List<String> arguments, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        Files.createDirectories(log.toAbsolutePath().getParent());
        long launchedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new JavaService(process, port, log, launchedAt);
    }

    /** Waits until {@code /actuator/health} answers 200; the time since the launch. */
    Duration awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = launchedAt + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service on port " + port + " exited: " + Files.readString(log));
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launchedAt);
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service on port " + port + " did not start in " + timeout);
    }

    /** Waits until the JVM ends by itself (a training run of the AOT cache), at most the timeout. */
    void awaitExit(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the training run did not end well: " + Files.readString(log));
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
