package io.rigplane.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.RigplaneApplication;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A replica killed with SIGKILL in the middle of a create: the next replica on the same database
 * recovers the operation from Quartz's job store and finishes it, without a second VM.
 */
class ReplicaKilledDuringApplyTest {

    private static final String TOKEN = "rgp_replica-test-token-abcdefghijklmnopqrstuvwxyz";
    /** Both replicas share it, as replicas in production do; other contexts of this JVM do not. */
    private static final String SCHEDULER = "replica-test-" + java.util.UUID.randomUUID();

    @Test
    void theNextReplicaFinishesAnApplyWhoseReplicaWasKilled(@TempDir Path logs) throws Exception {
        TestDatabase.Coordinates database = TestDatabase.another();
        try (ProxmoxSimulator simulator = ProxmoxSimulator.start(SimulatorSettings.forTests())) {
            int port = freePort();
            Process first = launch(database, simulator, port, logs.resolve("first.log").toFile());
            String operation;
            Api api = Api.at(port).withToken(TOKEN);
            try {
                awaitHealthy(api, first, logs);
                assertThat(api.post("/api/v1/profiles", """
                        {"name": "survivor", "node": "srv03", "platform": "windows-11-gaming", "cores": 2,
                         "memoryMiB": 4096, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32,
                         "role": "system"}]}""").status()).isEqualTo(201);
                simulator.faults().taskMillis(8000L);
                operation = api.post("/api/v1/profiles/survivor/apply", null).json().get("id").asString();
                awaitStep(api, operation, "create VM");
            } finally {
                first.destroyForcibly().waitFor();
            }
            simulator.faults().taskMillis(null);

            try (ConfigurableApplicationContext second = startInProcess(database, simulator)) {
                Api next = Api.at(((WebServerApplicationContext) second).getWebServer().getPort()).withToken(TOKEN);
                JsonNode finished = next.awaitOperation(operation, Duration.ofSeconds(120));

                assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
                assertThat(finished.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
                JsonNode vms = next.get("/api/v1/vms?managed=true").json();
                assertThat(vms).filteredOn(vm -> "survivor".equals(vm.get("managedBy").asString())).hasSize(1);
                assertThat(next.get("/api/v1/profiles/survivor/plan").json().get("changes")).isEmpty();
                assertThat(simulator.destructiveCallCount()).isZero();
            }
        }
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
                "--rigplane.operations.watchdog-interval=5s",
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

    private static ConfigurableApplicationContext startInProcess(TestDatabase.Coordinates database,
            ProxmoxSimulator simulator) {
        List<String> args = new ArrayList<>(arguments(database, simulator, 0));
        return new SpringApplication(RigplaneApplication.class).run(args.toArray(String[]::new));
    }

    private static void awaitHealthy(Api api, Process process, Path logs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the first replica exited: " + java.nio.file.Files.readString(
                        logs.resolve("first.log")));
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // the replica is still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the first replica did not start in time");
    }

    private static void awaitStep(Api api, String operation, String step) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode steps = api.get("/api/v1/operations/" + operation).json().get("steps");
            for (JsonNode s : steps) {
                if (s.get("name").asString().startsWith(step) && s.get("upid").isString()) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the operation never reached the step " + step);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
