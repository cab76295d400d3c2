package io.rigplane.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Adopting a hand-made VM leaves nothing to change; a VM changed by hand shows as drift. */
@IntegrationTest
class AdoptionAndDriftTest {

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxClusters clusters;

    @Autowired
    ProxmoxSimulator simulator;

    Api api;
    ProxmoxClient client;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        client = clusters.defaultClient();
        simulator.faults().clear();
    }

    @Test
    void anAdoptedVmPlansNothingAndIsOnlyTaggedAndNamed() {
        int vmid = handMade("win-by-hand", "ovmf");
        int destructive = simulator.destructiveCallCount();
        Map<String, String> before = client.config("srv02", vmid).values();

        Api.Reply adopted = api.post("/api/v1/profiles/adopt",
                "{\"node\": \"srv02\", \"vmid\": " + vmid + ", \"name\": \"adopted-" + vmid + "\"}");

        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        assertThat(adopted.json().get("cores").asInt()).isEqualTo(6);
        assertThat(adopted.json().get("disks").get(1).get("sizeGiB").asInt()).isEqualTo(300);
        assertThat(adopted.json().get("boundVmid").asInt()).isEqualTo(vmid);
        assertThat(adopted.json().get("platform").asString()).isEqualTo("as-is");
        // made the way windows-11-gaming makes VMs: moving onto it changes nothing
        assertThat(adopted.json().get("platforms")).anySatisfy(distance -> {
            assertThat(distance.get("platform").asString()).isEqualTo("windows-11-gaming");
            assertThat(distance.get("movable").asBoolean()).as(distance.toString()).isTrue();
            assertThat(distance.get("keys").asInt()).as(distance.toString()).isZero();
        });
        JsonNode plan = api.get("/api/v1/profiles/adopted-" + vmid + "/plan").json();
        assertThat(plan.get("exists").asBoolean()).isTrue();
        assertThat(plan.get("changes")).as(plan.toString()).isEmpty();
        Map<String, String> after = client.config("srv02", vmid).values();
        before.forEach((key, value) -> {
            if (!key.equals("tags") && !key.equals("name")) {
                assertThat(after.get(key)).as(key).isEqualTo(value);
            }
        });
        assertThat(after.get("tags")).contains("rigplane");
        assertThat(simulator.destructiveCallCount()).isEqualTo(destructive);
        assertThat(api.post("/api/v1/profiles/adopt",
                "{\"node\": \"srv02\", \"vmid\": " + vmid + ", \"name\": \"twice-" + vmid + "\"}").status())
                .isEqualTo(409);
    }

    /**
     * Before platforms were data, a VM its platform would change was refused (422 with every
     * difference). Now it is recorded as it is, and the answer says what moving it would change.
     */
    @Test
    void aVmThePlatformWouldChangeIsAdoptedAsItIsAndToldWhatMovingWouldChange() {
        int vmid = handMade("seabios-vm", "seabios");
        int destructive = simulator.destructiveCallCount();

        Api.Reply adopted = api.post("/api/v1/profiles/adopt",
                "{\"node\": \"srv02\", \"vmid\": " + vmid + ", \"name\": \"as-it-is-" + vmid + "\"}");

        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        assertThat(adopted.json().get("platform").asString()).isEqualTo("as-is");
        assertThat(adopted.json().get("settings").get("bios").asString()).isEqualTo("seabios");
        JsonNode plan = api.get("/api/v1/profiles/as-it-is-" + vmid + "/plan").json();
        assertThat(plan.get("changes")).as(plan.toString()).isEmpty();
        assertThat(adopted.json().get("platforms")).anySatisfy(distance -> {
            assertThat(distance.get("platform").asString()).isEqualTo("windows-11-gaming");
            assertThat(distance.get("keys").asInt()).isEqualTo(1);
            assertThat(distance.get("effects").get("LIVE").asInt()).isEqualTo(1);
            assertThat(distance.get("changes").get(0).get("key").asString()).isEqualTo("bios");
            assertThat(distance.get("changes").get(0).get("desired").asString()).isEqualTo("ovmf");
        });
        assertThat(client.config("srv02", vmid).values().get("bios")).isEqualTo("seabios");
        assertThat(simulator.destructiveCallCount()).isEqualTo(destructive);
    }

    @Test
    void aTemplateIsRefusedWithAClearProblemAndLeftAlone() {
        int vmid = handMade("golden-image", "ovmf");
        client.await(client.updateConfig("srv02", vmid, Map.of("template", "1"), List.of(), null),
                Duration.ofSeconds(30));

        Api.Reply refused = api.post("/api/v1/profiles/adopt",
                "{\"node\": \"srv02\", \"vmid\": " + vmid + ", \"name\": \"from-template\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/adoption-refused");
        assertThat(refused.json().get("detail").asString()).contains("template");
        assertThat(refused.json().get("errors")).anySatisfy(error ->
                assertThat(error.get("field").asString()).isEqualTo("template"));
        assertThat(api.get("/api/v1/profiles/from-template").status()).isEqualTo(404);
        assertThat(client.config("srv02", vmid).values().get("tags")).isNull();
    }

    @Test
    void adoptingAMissingVmIsANotFoundProblem() {
        Api.Reply missing = api.post("/api/v1/profiles/adopt", "{\"node\": \"srv02\", \"vmid\": 99999, \"name\": \"ghost\"}");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(api.post("/api/v1/profiles/adopt", "{\"node\": \"srv02\", \"name\": \"ghost\"}").status()).isEqualTo(400);
    }

    @Test
    void aVmChangedByHandIsReportedAsDriftAndNotReverted() {
        int vmid = handMade("drifter", "ovmf");
        String name = "drift-" + vmid;
        assertThat(api.post("/api/v1/profiles/adopt",
                "{\"node\": \"srv02\", \"vmid\": " + vmid + ", \"name\": \"" + name + "\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/profiles/" + name + "/drift", null).json().get("drifted").asBoolean()).isFalse();

        client.await(client.updateConfig("srv02", vmid, Map.of("cores", "2"), List.of(), null), Duration.ofSeconds(30));

        JsonNode report = api.post("/api/v1/profiles/" + name + "/drift", null).json();
        assertThat(report.get("drifted").asBoolean()).isTrue();
        assertThat(report.get("driftedSince").isNull()).isFalse();
        assertThat(report.get("changes")).anySatisfy(change -> {
            assertThat(change.get("key").asString()).isEqualTo("cores");
            assertThat(change.get("current").asString()).isEqualTo("2");
            assertThat(change.get("desired").asString()).isEqualTo("6");
        });
        assertThat(api.get("/api/v1/drift").json()).anySatisfy(row ->
                assertThat(row.get("profile").asString()).isEqualTo(name));
        assertThat(client.config("srv02", vmid).get("cores")).isEqualTo("2");
        assertThat(api.get("/api/v1/vms?managed=true").json()).anySatisfy(vm ->
                assertThat(vm.get("managedBy").asString()).isEqualTo(name));
    }

    /** A Windows VM made in the Proxmox UI the way the reference setup has it. */
    private int handMade(String name, String bios) {
        int vmid = client.nextVmid();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("agent", "1");
        config.put("balloon", "0");
        config.put("bios", bios);
        config.put("cores", "6");
        config.put("cpu", "host,hidden=1");
        config.put("efidisk0", "local-zfs:1,efitype=4m,pre-enrolled-keys=1");
        config.put("hostpci0", "mapping=rtx3070,pcie=1,x-vga=1");
        config.put("machine", "pc-q35-10.0");
        config.put("memory", "16384");
        config.put("net0", "virtio,bridge=vmbr0");
        config.put("ostype", "win11");
        config.put("scsi0", "local-zfs:80,aio=io_uring,cache=none,discard=on,iothread=1,ssd=1");
        config.put("scsi1", "local-zfs:300,aio=io_uring,cache=none,discard=on,iothread=1,ssd=1");
        config.put("scsihw", "virtio-scsi-single");
        config.put("tpmstate0", "local-zfs:1,version=v2.0");
        client.await(client.createVm("srv02", vmid, config), Duration.ofSeconds(30));
        return vmid;
    }
}
