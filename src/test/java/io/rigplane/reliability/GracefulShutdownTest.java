package io.rigplane.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.RigplaneApplication;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.Replica;
import io.rigplane.support.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A replica stops in seconds while server-sent event streams are open: the streams end first (their
 * clients resume elsewhere with Last-Event-ID), so the web server's graceful shutdown has no
 * endless request to wait 30 seconds for.
 */
class GracefulShutdownTest {

    @Test
    void openEventStreamsEndAtShutdownInsteadOfHoldingItForItsWholeTimeout() throws Exception {
        try (ProxmoxSimulator simulator = ProxmoxSimulator.start(SimulatorSettings.forTests())) {
            ConfigurableApplicationContext service = new SpringApplication(RigplaneApplication.class).run(
                    Replica.Settings.of(TestDatabase.another(), simulator).arguments(0).toArray(String[]::new));
            try {
                int port = ((WebServerApplicationContext) service).getWebServer().getPort();
                Api api = Api.at(port).withToken(Replica.TOKEN);
                Workload.createProfile(api, "streamed", "srv02");
                simulator.faults().taskMillis(120_000L);
                String operation = Workload.submit(api, "streamed", "apply");

                HttpClient http = HttpClient.newHttpClient();
                List<CompletableFuture<Duration>> streams = new ArrayList<>();
                for (String path : List.of("/api/v1/operations/" + operation + "/events",
                        "/api/v1/operations/" + operation + "/events")) {
                    HttpResponse<InputStream> open = http.send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + path)).header("Authorization", "Bearer " + Replica.TOKEN)
                            .build(), HttpResponse.BodyHandlers.ofInputStream());
                    assertThat(open.statusCode()).isEqualTo(200);
                    BufferedReader lines = new BufferedReader(new InputStreamReader(open.body(), StandardCharsets.UTF_8));
                    assertThat(lines.readLine()).as("the stream is open and has said something").isNotNull();
                    streams.add(CompletableFuture.supplyAsync(() -> untilEnd(lines)));
                }

                long start = System.nanoTime();
                service.close();
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(took).as("shutdown with open streams").isLessThan(Duration.ofSeconds(10));
                for (CompletableFuture<Duration> stream : streams) {
                    assertThat(stream.get(5, TimeUnit.SECONDS)).as("each stream ended").isNotNull();
                }
            } finally {
                simulator.faults().taskMillis(null);
                service.close();
            }
        }
    }

    private static Duration untilEnd(BufferedReader lines) {
        long start = System.nanoTime();
        try {
            while (lines.readLine() != null) {
                // the events and heartbeats until the server ends the stream
            }
        } catch (java.io.IOException closed) {
            // a reset connection ends the stream too
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
