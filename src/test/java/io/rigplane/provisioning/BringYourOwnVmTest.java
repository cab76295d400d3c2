package io.rigplane.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Bring your own VM: VMs made by hand (and the simulator's own VM 100) are adopted as they are,
 * with an empty first plan; moving one onto a platform is an ordinary profile change whose plan
 * shows exactly what differs. A context of its own, so that VM 100 is as the simulator made it.
 */
@IntegrationTest
@TestPropertySource(properties = "rigplane.test.context=bring-your-own-vm")
class BringYourOwnVmTest {

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
    void aHandMadeLinuxVmIsAdoptedAsItIsWithAnEmptyPlan() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", "handmade");
        config.put("cores", "4");
        config.put("memory", "8192");
        config.put("ostype", "l26");
        config.put("scsihw", "virtio-scsi-pci");
        config.put("scsi0", "local-zfs:32");
        config.put("net0", "virtio,bridge=vmbr0,firewall=1");
        config.put("ide2", "none,media=cdrom");
        int vmid = create(config);

        JsonNode adopted = adoptUnchanged(vmid, "handmade");

        assertThat(adopted.get("settings").get("ostype").asString()).isEqualTo("l26");
        assertThat(adopted.get("settings").get("net[n]").asString()).isEqualTo("firewall=1");
        assertThat(adopted.get("disks").get(0).get("role").asString()).isEqualTo("system");
        JsonNode linux = distance(adopted, "linux-workstation");
        assertThat(linux.get("movable").asBoolean()).as(linux.toString()).isTrue();
        assertThat(keys(linux)).contains("bios", "efidisk0", "machine", "scsihw", "scsi0");
        assertThat(keys(linux)).doesNotContain("ostype", "net0", "cores", "memory");
    }

    @Test
    void theSimulatorsVm100IsAdoptedAsItIsWithAnEmptyPlan() {
        JsonNode adopted = adoptUnchanged(100, "sim-100");

        assertThat(adopted.get("gpu").asString()).isEqualTo("rtx3070");
        assertThat(adopted.get("settings").get("hostpci[n]").asString()).isEqualTo("pcie=1,x-vga=1");
        JsonNode windows = distance(adopted, "windows-11-gaming");
        assertThat(windows.get("movable").asBoolean()).as(windows.toString()).isTrue();
        assertThat(windows.get("keys").asInt()).as(windows.toString()).isZero();
    }

    @Test
    void aHandMadeWindowsVmMovesOntoWindows11GamingWithExactlyTheKeysThatDiffer() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", "win-by-hand");
        config.put("agent", "1");
        config.put("balloon", "0");
        config.put("bios", "ovmf");
        config.put("cores", "6");
        config.put("cpu", "host");
        config.put("efidisk0", "local-zfs:1,efitype=4m,pre-enrolled-keys=1");
        config.put("memory", "16384");
        config.put("net0", "virtio,bridge=vmbr0");
        config.put("ostype", "win11");
        config.put("scsi0", "local-zfs:80,aio=io_uring,cache=none,discard=on,iothread=1,ssd=1");
        config.put("scsihw", "virtio-scsi-single");
        config.put("tpmstate0", "local-zfs:1,version=v2.0");
        int vmid = create(config);
        // Proxmox pins the machine of a new Windows VM; one set by hand later stays unpinned
        client.await(client.updateConfig("srv02", vmid, Map.of("machine", "q35"), List.of(), null),
                Duration.ofSeconds(30));
        client.await(client.start("srv02", vmid), Duration.ofSeconds(30));
        String name = "win-" + vmid;

        JsonNode adopted = adoptUnchanged(vmid, name);

        JsonNode windows = distance(adopted, "windows-11-gaming");
        assertThat(windows.get("movable").asBoolean()).as(windows.toString()).isTrue();
        assertThat(keys(windows)).containsExactly("cpu", "machine");
        assertThat(windows.get("effects").get("PENDING_RESTART").asInt()).isEqualTo(2);

        Api.Reply moved = api.put("/api/v1/profiles/" + name, windows.get("profile").toString());
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("platform").asString()).isEqualTo("windows-11-gaming");
        JsonNode plan = api.get("/api/v1/profiles/" + name + "/plan").json();
        Map<String, String> planned = new TreeMap<>();
        plan.get("changes").forEach(change -> planned.put(change.get("key").asString(),
                change.get("effect").asString() + " " + change.get("desired").asString()));
        assertThat(planned).as(plan.toString()).containsOnly(
                Map.entry("cpu", "PENDING_RESTART host,hidden=1"),
                Map.entry("machine", "PENDING_RESTART pc-q35-10.0"));
        assertThat(api.get("/api/v1/profiles/" + name + "/platforms").json())
                .noneSatisfy(distance -> assertThat(distance.get("platform").asString())
                        .isEqualTo("windows-11-gaming"));

        Api.Reply accepted = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode operation = api.awaitOperation(accepted.json().get("id").asString(), Duration.ofSeconds(60));
        assertThat(operation.get("state").asString()).as(operation.toString()).isEqualTo("SUCCEEDED");

        JsonNode after = api.get("/api/v1/profiles/" + name + "/plan").json();
        assertThat(after.get("changes")).as(after.toString()).isEmpty();
        assertThat(client.currentConfig("srv02", vmid).values().get("cpu")).isEqualTo("host");
        assertThat(client.config("srv02", vmid).values().get("cpu")).isEqualTo("host,hidden=1");
    }

    @Test
    void aUserPlatformExtendingWindows11GamingChangesOneKeyAndNamesItselfAsItsLayer() {
        Api.Reply created = api.post("/api/v1/platforms", """
                {"id": "gaming-pcid", "description": "Windows 11 gaming with the PCID flag",
                 "extends": "windows-11-gaming", "settings": {"cpu": "host,hidden=1,flags=+pcid"}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("extends").asString()).isEqualTo("windows-11-gaming");
        Api.Reply profile = api.post("/api/v1/profiles", """
                {"name": "pcid-pc", "node": "srv02", "platform": "gaming-pcid", "cores": 8, "memoryMiB": 16384,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64, "role": "system"}]}""");
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);

        JsonNode config = api.get("/api/v1/profiles/pcid-pc/proxmox-config").json();

        assertThat(config.get("chain").toString())
                .isEqualTo("[\"profile\",\"gaming-pcid\",\"windows-11-gaming\",\"proxmox-default\"]");
        JsonNode cpu = entry(config, "cpu");
        assertThat(cpu.get("value").asString()).isEqualTo("host,hidden=1,flags=+pcid");
        assertThat(cpu.get("layer").asString()).isEqualTo("platform");
        assertThat(cpu.get("source").asString()).isEqualTo("gaming-pcid");
        assertThat(entry(config, "machine").get("source").asString()).isEqualTo("windows-11-gaming");
        assertThat(entry(config, "cores").get("source").asString()).isEqualTo("profile");
        assertThat(config.get("defaults")).anySatisfy(fallback -> {
            assertThat(fallback.get("key").asString()).isEqualTo("sockets");
            assertThat(fallback.get("value").asString()).isEqualTo("1");
            assertThat(fallback.get("source").asString()).isEqualTo("proxmox-default");
        });
        JsonNode windows = api.get("/api/v1/profiles/pcid-pc/platforms").json();
        assertThat(windows).anySatisfy(distance -> {
            assertThat(distance.get("platform").asString()).isEqualTo("windows-11-gaming");
            assertThat(keys(distance)).containsExactly("cpu");
        });

        assertThat(api.delete("/api/v1/platforms/gaming-pcid").status()).isEqualTo(409);
        assertThat(api.delete("/api/v1/profiles/pcid-pc").status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/platforms/gaming-pcid").status()).isEqualTo(204);
    }

    /** Adopts a VM and checks the contract: nothing changes but name and tags, and the plan is empty. */
    private JsonNode adoptUnchanged(int vmid, String name) {
        Map<String, String> before = client.config("srv02", vmid).values();
        int destructive = simulator.destructiveCallCount();

        Api.Reply adopted = api.post("/api/v1/profiles/adopt",
                "{\"node\": \"srv02\", \"vmid\": " + vmid + ", \"name\": \"" + name + "\"}");

        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        assertThat(adopted.json().get("platform").asString()).isEqualTo("as-is");
        JsonNode plan = api.get("/api/v1/profiles/" + name + "/plan").json();
        assertThat(plan.get("exists").asBoolean()).isTrue();
        assertThat(plan.get("changes")).as(plan.toString()).isEmpty();
        Map<String, String> after = client.config("srv02", vmid).values();
        TreeSet<String> keysBefore = new TreeSet<>(before.keySet());
        keysBefore.add("tags");
        assertThat(new TreeSet<>(after.keySet())).isEqualTo(keysBefore);
        before.forEach((key, value) -> {
            if (!key.equals("tags") && !key.equals("name") && !key.equals("digest")) {
                assertThat(after.get(key)).as(key).isEqualTo(value);
            }
        });
        assertThat(after.get("name")).isEqualTo(name);
        assertThat(simulator.destructiveCallCount()).isEqualTo(destructive);
        return adopted.json();
    }

    private int create(Map<String, String> config) {
        int vmid = client.nextVmid();
        client.await(client.createVm("srv02", vmid, config), Duration.ofSeconds(30));
        return vmid;
    }

    private static JsonNode distance(JsonNode adopted, String platform) {
        for (JsonNode distance : adopted.get("platforms")) {
            if (distance.get("platform").asString().equals(platform)) {
                return distance;
            }
        }
        throw new AssertionError("no distance to " + platform + " in " + adopted);
    }

    private static List<String> keys(JsonNode distance) {
        List<String> keys = new ArrayList<>();
        distance.get("changes").forEach(change -> keys.add(change.get("key").asString()));
        return keys;
    }

    private static JsonNode entry(JsonNode config, String key) {
        for (JsonNode entry : config.get("entries")) {
            if (entry.get("key").asString().equals(key)) {
                return entry;
            }
        }
        throw new AssertionError("no " + key + " in " + config);
    }
}
