package io.rigplane.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.RigplaneApplication;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.Replica;
import io.rigplane.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
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

    @Test
    void theNextReplicaFinishesAnApplyWhoseReplicaWasKilled(@TempDir Path logs) throws Exception {
        TestDatabase.Coordinates database = TestDatabase.another();
        try (ProxmoxSimulator simulator = ProxmoxSimulator.start(SimulatorSettings.forTests())) {
            Replica.Settings settings = Replica.Settings.of(database, simulator);
            String operation;
            try (Replica first = Replica.launch(settings, logs.resolve("first.log"))) {
                first.awaitHealthy(Duration.ofSeconds(120));
                Api api = first.api();
                assertThat(api.post("/api/v1/profiles", """
                        {"name": "survivor", "node": "srv03", "platform": "windows-11-gaming", "cores": 2,
                         "memoryMiB": 4096, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32,
                         "role": "system"}]}""").status()).isEqualTo(201);
                simulator.faults().taskMillis(8000L);
                operation = api.post("/api/v1/profiles/survivor/apply", null).json().get("id").asString();
                api.awaitTaskOfStep(operation, "create VM", Duration.ofSeconds(60));
                first.kill();
            }
            simulator.faults().taskMillis(null);

            try (ConfigurableApplicationContext second = new SpringApplication(RigplaneApplication.class)
                    .run(settings.arguments(0).toArray(String[]::new))) {
                Api next = Api.at(((WebServerApplicationContext) second).getWebServer().getPort())
                        .withToken(Replica.TOKEN);
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
}
