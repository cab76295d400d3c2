package io.rigplane.bench;

import io.rigplane.simulator.SimulatorMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The simulator in a JVM of its own ({@link SimulatorMain}), as the benchmarks use it so that its
 * CPU and memory do not count as the service's. Its test controls are read over HTTPS.
 */
final class StandaloneSimulator implements AutoCloseable {

    static final String TOKEN = "root@pam!rigplane=00000000-0000-0000-0000-000000000000";

    private final Process process;
    private final int port;
    private final String fingerprint;
    private final HttpClient http;

    private StandaloneSimulator(Process process, int port, String fingerprint) throws Exception {
        this.process = process;
        this.port = port;
        this.fingerprint = fingerprint;
        SSLContext ssl = SSLContext.getInstance("TLS");
        // loopback only, and the fingerprint the service pins comes from the process's own output
        ssl.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static StandaloneSimulator start(int port, Path log, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                "--port", String.valueOf(port)));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Files.createDirectories(log.toAbsolutePath().getParent());
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String fingerprint = null;
        StringBuilder seen = new StringBuilder();
        for (String line; fingerprint == null && (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.startsWith("certificate fingerprint (SHA-256): ")) {
                fingerprint = line.substring(line.indexOf(": ") + 2).strip();
            }
        }
        if (fingerprint == null) {
            throw new IllegalStateException("the simulator did not start:\n" + seen);
        }
        Files.writeString(log, seen);
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(Files.newBufferedWriter(log, java.nio.file.StandardOpenOption.APPEND));
            } catch (IOException ignored) {
                // the simulator is gone
            }
        }, "simulator-log");
        drain.setDaemon(true);
        drain.start();
        return new StandaloneSimulator(process, port, fingerprint);
    }

    String url() {
        return "https://127.0.0.1:" + port;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** A test control such as {@code destructive-calls} or {@code task-counts}, as JSON text. */
    String control(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/simulator/" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
