package io.rigplane.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import io.rigplane.proxmox.ClusterVm;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Fifty applies at once against a Proxmox that fails a fifth of its calls, holds locks and fails a
 * tenth of its tasks: every VM ends correct or its operation failed with Proxmox's reason; no VM
 * is made twice and nothing is destroyed.
 */
@IntegrationTest
class ApplyUnderFaultsTest {

    private static final int PROFILES = 50;

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    ProxmoxClusters clusters;

    @Autowired
    ProfileCatalog catalog;

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    @Test
    void fiftyAppliesUnderFaultsEndCorrectOrFailedWithAReason() {
        Api api = Api.at(port);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < PROFILES; i++) {
            String name = "fault-" + run + "-" + i;
            assertThat(api.post("/api/v1/profiles", """
                    {"name": "%s", "node": "%s", "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 8192,
                     "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64, "role": "system"}]}"""
                    .formatted(name, i % 2 == 0 ? "srv02" : "srv03")).status()).isEqualTo(201);
            names.add(name);
        }
        int destructiveBefore = simulator.destructiveCallCount();
        simulator.faults().reseed(7).errorRate(0.2).errorStatus(596).lockContentionRate(0.2).taskFailureRate(0.1);

        Map<String, String> operations = names.stream().collect(Collectors.toMap(name -> name, name -> {
            Api.Reply accepted = api.post("/api/v1/profiles/" + name + "/apply", null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            return accepted.json().get("id").asString();
        }));
        Map<String, JsonNode> outcomes = operations.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> api.awaitOperation(entry.getValue(), Duration.ofMinutes(4))));
        simulator.faults().clear();

        List<ClusterVm> vms = clusters.defaultClient().vms();
        int succeeded = 0;
        for (String name : names) {
            JsonNode operation = outcomes.get(name);
            ProfileView profile = catalog.get(name);
            long tagged = vms.stream().filter(vm -> vm.tags().contains(profile.identityTag())).count();
            assertThat(tagged).as("VMs of " + name).isLessThanOrEqualTo(1);
            if (operation.get("state").asString().equals("SUCCEEDED")) {
                succeeded++;
                assertThat(tagged).isEqualTo(1);
                assertThat(api.get("/api/v1/profiles/" + name + "/plan").json().get("changes")).as(name).isEmpty();
            } else {
                assertThat(operation.get("error").asString()).as(name).isNotBlank();
            }
        }
        assertThat(simulator.destructiveCallCount()).isEqualTo(destructiveBefore);
        assertThat(succeeded).as("most applies get through the faults").isGreaterThan(PROFILES / 4);
        System.out.printf("applies under faults: %d of %d succeeded, the rest failed with a reason%n", succeeded,
                PROFILES);
    }

}
