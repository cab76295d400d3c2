package io.rigplane.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.RigplaneApplication;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas (one in another JVM) on one database and one Proxmox, both with the policy's
 * trigger in their clustered Quartz: each scheduled minute gives exactly one run and one snapshot.
 */
class TwoReplicasSnapshotTest {

    private static final String TOKEN = "rgp_snapshot-replicas-token-abcdefghijklmnopqrstu";
    /** Both replicas share it, as replicas in production do; other contexts of this JVM do not. */
    private static final String SCHEDULER = "snapshot-replicas-" + java.util.UUID.randomUUID();

    @Test
    void twoReplicasTakeEachScheduledSnapshotOnce(@TempDir Path logs) throws Exception {
        TestDatabase.Coordinates database = TestDatabase.another();
        try (ProxmoxSimulator simulator = ProxmoxSimulator.start(SimulatorSettings.forTests())) {
            int port = freePort();
            Process other = launch(database, simulator, port, logs.resolve("other.log").toFile());
            try (ConfigurableApplicationContext here = new SpringApplication(RigplaneApplication.class)
                    .run(arguments(database, simulator, 0).toArray(String[]::new))) {
                Api api = Api.at(((WebServerApplicationContext) here).getWebServer().getPort()).withToken(TOKEN);
                awaitHealthy(Api.at(port).withToken(TOKEN), other, logs);
                String profile = "twice";
                assertThat(api.post("/api/v1/profiles", """
                        {"name": "twice", "node": "srv03", "platform": "windows-11-gaming", "cores": 2,
                         "memoryMiB": 4096, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32,
                         "role": "system"}]}""").status()).isEqualTo(201);
                String apply = api.post("/api/v1/profiles/twice/apply", null).json().get("id").asString();
                assertThat(api.awaitOperation(apply, Duration.ofSeconds(60)).get("state").asString()).isEqualTo("SUCCEEDED");
                assertThat(api.put("/api/v1/profiles/twice/snapshot-policy", """
                        {"policies": [{"label": "minutely", "cron": "* * * * *", "keep": 10}]}""").status())
                        .isEqualTo(200);

                List<JsonNode> runs = awaitEndedRuns(api, profile, 1, Duration.ofSeconds(90));
                Thread.sleep(3000);
                runs = endedRuns(api, profile);

                Map<String, Long> perMinute = runs.stream().collect(Collectors.groupingBy(
                        run -> run.get("scheduledFor").asString(), Collectors.counting()));
                assertThat(perMinute.values()).allMatch(count -> count == 1);
                assertThat(runs).allSatisfy(run -> assertThat(run.get("state").asString()).as(run.toString())
                        .isEqualTo("SUCCEEDED"));
                List<String> snapshots = StreamSupport.stream(api.get("/api/v1/profiles/twice/snapshots").json()
                        .spliterator(), false).map(s -> s.get("name").asString()).toList();
                assertThat(snapshots).hasSize(runs.size()).allMatch(name -> name.startsWith("auto-minutely-"));
                for (JsonNode run : runs) {
                    JsonNode operation = api.get("/api/v1/operations/" + run.get("operationId").asString()).json();
                    assertThat(operation.get("attempts").asInt()).isEqualTo(1);
                }
            } finally {
                other.destroyForcibly().waitFor();
            }
        }
    }

    private static List<JsonNode> awaitEndedRuns(Api api, String profile, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> ended = endedRuns(api, profile);
            if (ended.size() >= count) {
                return ended;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no scheduled run ended in " + timeout + ": "
                + api.get("/api/v1/snapshot-runs?profile=" + profile).body());
    }

    private static List<JsonNode> endedRuns(Api api, String profile) {
        JsonNode page = api.get("/api/v1/snapshot-runs?profile=" + profile + "&size=200").json();
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(run -> !run.get("state").asString().equals("QUEUED")
                        && !run.get("state").asString().equals("RUNNING"))
                .toList();
    }

    private static List<String> arguments(TestDatabase.Coordinates database, ProxmoxSimulator simulator, int port) {
        return List.of("--server.port=" + port,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--rigplane.proxmox.url=" + simulator.url(),
                "--rigplane.proxmox.token=" + simulator.settings().token(),
                "--rigplane.proxmox.fingerprint=" + simulator.fingerprint(),
                "--rigplane.admin.token=" + TOKEN,
                "--rigplane.admin.password=replica-test-password",
                "--spring.quartz.scheduler-name=" + SCHEDULER);
    }

    private static Process launch(TestDatabase.Coordinates database, ProxmoxSimulator simulator, int port, File log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), RigplaneApplication.class.getName()));
        command.addAll(arguments(database, simulator, port));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitHealthy(Api api, Process process, Path logs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the other replica exited: " + Files.readString(logs.resolve("other.log")));
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the other replica did not start in time");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
