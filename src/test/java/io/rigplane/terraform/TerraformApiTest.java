package io.rigplane.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.proxmox.PropertyString;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import io.rigplane.terraform.internal.HclDocuments;
import io.rigplane.terraform.internal.HclWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Terraform on-ramp against the simulator and PostgreSQL: profiles exported as bpg/proxmox
 * resources, documents of {@code terraform show -json} imported as profiles, and the round trip.
 */
@IntegrationTest
class TerraformApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void aProfileIsExportedAsAResourceWithACommentForWhatNoAttributeCarries() {
        createGamingProfile("tf-export", null);

        Api.Reply reply = api.get("/api/v1/profiles/tf-export/terraform");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        String hcl = reply.body();
        assertThat(hcl).contains("resource \"proxmox_virtual_environment_vm\" \"tf-export\" {")
                .containsPattern("node_name\\s+= \"srv02\"").doesNotContain("import {")
                .contains("# cpu: hidden=1 (the provider has no attribute for this cpu option");
        Map<String, Object> body = resourceBody(hcl, "tf-export");
        assertThat(body).containsEntry("name", "tf-export").containsEntry("bios", "ovmf")
                .containsEntry("machine", "pc-q35-10.0").containsEntry("on_boot", false)
                .containsEntry("scsi_hardware", "virtio-scsi-single");
        assertThat(body.get("cpu").toString()).contains("cores=8").contains("type=host");
        assertThat(body.get("hostpci").toString()).contains("mapping=rtx3070").contains("xvga=true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProfileThatManagesAVmIsExportedWithAnImportBlockAndItsRigplaneTags() {
        int vmid = handMadeVm("tf-bound-src");
        Api.Reply adopted = api.post("/api/v1/profiles/adopt",
                "{\"node\": \"srv02\", \"vmid\": " + vmid + ", \"name\": \"tf-bound\"}");
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        String identity = java.util.Arrays.stream(client.config("srv02", vmid).values().get("tags").split(";"))
                .filter(tag -> tag.startsWith("rigplane-")).findFirst().orElseThrow();

        String hcl = api.get("/api/v1/profiles/tf-bound/terraform").body();

        assertThat(hcl).contains("import {\n  to = proxmox_virtual_environment_vm.tf-bound\n  id = \"srv02/" + vmid
                + "\"\n}");
        Map<String, Object> parsed = HclDocuments.parse(hcl);
        assertThat(parsed.get("import").toString()).contains("id=srv02/" + vmid);
        Map<String, Object> body = resourceBody(hcl, "tf-bound");
        assertThat(body.get("vm_id")).isEqualTo((double) vmid);
        assertThat((List<Object>) body.get("tags")).contains("rigplane", identity);
    }

    @Test
    void everyProfileIsExportedInOneFile() {
        createGamingProfile("tf-all-1", null);
        createGamingProfile("tf-all-2", null);

        Api.Reply reply = api.get("/api/v1/terraform");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        resourceBody(reply.body(), "tf-all-1");
        resourceBody(reply.body(), "tf-all-2");
    }

    @Test
    void anUnknownProfileIsAProblem() {
        Api.Reply reply = api.get("/api/v1/profiles/tf-absent/terraform");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void exportedThenImportedUnderAnotherNameRendersTheSameConfigKeyByKey() {
        createGamingProfile("tf-trip", 4321);
        Map<String, String> original = rendered("tf-trip");
        String hcl = api.get("/api/v1/profiles/tf-trip/terraform").body();
        assertThat(api.delete("/api/v1/profiles/tf-trip").status()).isEqualTo(204);
        String renamed = hcl.replace("\"tf-trip\"", "\"tf-trip-again\"");

        Api.Reply imported = api.post("/api/v1/profiles/import/terraform", JSON.writeValueAsString(
                HclDocuments.asState(renamed)));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode resource = imported.json().get("resources").get(0);
        assertThat(resource.get("name").asString()).isEqualTo("tf-trip-again");
        assertThat(resource.get("vmid").asInt()).isEqualTo(4321);
        assertThat(resource.get("bound").asBoolean()).isFalse();
        Map<String, String> back = rendered("tf-trip-again");
        assertThat(back.remove("name")).isEqualTo("tf-trip-again");
        assertThat(original.remove("name")).isEqualTo("tf-trip");
        // the one option no attribute of the provider carries, written as a comment by the export
        assertThat(original.remove("cpu")).isEqualTo("host,hidden=1");
        assertThat(back.remove("cpu")).isEqualTo("host");
        assertThat(back.keySet()).isEqualTo(original.keySet());
        original.forEach((key, value) -> assertThat(volumeSizeLeftToProxmox(key, parsed(back.get(key)))).as(key)
                .isEqualTo(volumeSizeLeftToProxmox(key, parsed(value))));
    }

    /**
     * Proxmox sizes the EFI and TPM volumes itself (by EFI type and TPM version); windows-11-gaming
     * restates the size it will have, an as-is profile leaves it to Proxmox, as a plan does.
     */
    private static Map<String, String> volumeSizeLeftToProxmox(String key, Map<String, String> options) {
        if (key.equals("efidisk0") || key.equals("tpmstate0")) {
            options.remove("size");
        }
        return options;
    }

    @Test
    void aProfileWhoseKeysAllHaveAttributesComesBackExactly() {
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "tf-linux", "node": "srv02", "vmid": 4322, "platform": "linux-workstation", "cores": 4,
                 "memoryMiB": 8192, "gpu": "rtx3070", "tags": ["dev"],
                 "network": {"bridge": "vmbr1", "mac": "BC:24:11:43:22:01", "vlanTag": 30},
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64, "role": "system"},
                           {"slot": "scsi1", "storage": "tank", "sizeGiB": 500, "role": "data"}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, String> original = rendered("tf-linux");
        String hcl = api.get("/api/v1/profiles/tf-linux/terraform").body();
        assertThat(hcl).doesNotContain("# Not carried");
        assertThat(api.delete("/api/v1/profiles/tf-linux").status()).isEqualTo(204);

        Api.Reply imported = api.post("/api/v1/profiles/import/terraform", JSON.writeValueAsString(
                HclDocuments.asState(hcl.replace("\"tf-linux\"", "\"tf-linux-again\""))));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Map<String, String> back = rendered("tf-linux-again");
        back.remove("name");
        original.remove("name");
        assertThat(back.keySet()).isEqualTo(original.keySet());
        original.forEach((key, value) -> assertThat(parsed(back.get(key))).as(key).isEqualTo(parsed(value)));
    }

    @Test
    void aStateWrittenAfterTheProviderDocsImportsIntoProfilesFromEveryModule() {
        Api.Reply imported = api.post("/api/v1/profiles/import/terraform", resource("state-after-provider-docs.json"));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode resources = imported.json().get("resources");
        assertThat(resources).hasSize(2);
        assertThat(resources.get(0).get("address").asString()).isEqualTo("proxmox_virtual_environment_vm.tf_gaming");
        assertThat(resources.get(1).get("address").asString())
                .isEqualTo("module.linux.proxmox_virtual_environment_vm.ubuntu_vm[0]");
        resources.forEach(resource -> {
            assertThat(resource.get("created").asBoolean()).isTrue();
            assertThat(resource.get("bound").asBoolean()).isFalse();
            assertThat(resource.get("unknownAttributes")).isEmpty();
            assertThat(resource.get("problems")).isEmpty();
        });
        assertThat(resources.get(0).get("ignoredAttributes").toString()).contains("started");

        Map<String, String> gaming = rendered("tf-gaming");
        assertThat(gaming).containsEntry("bios", "ovmf").containsEntry("machine", "q35").containsEntry("ostype", "win11")
                .containsEntry("cores", "8").containsEntry("memory", "16384").containsEntry("balloon", "0")
                .containsEntry("cpu", "host").containsEntry("agent", "1,fstrim_cloned_disks=0,type=virtio")
                .containsEntry("hostpci0", "mapping=rtx3070,pcie=1,rombar=1,x-vga=1")
                .containsEntry("scsihw", "virtio-scsi-single").doesNotContainKey("onboot");
        assertThat(parsed(gaming.get("scsi0"))).containsEntry("", "local-zfs:vm-4401-disk-1")
                .containsEntry("size", "120G").containsEntry("iothread", "1").containsEntry("discard", "on");
        assertThat(parsed(gaming.get("efidisk0"))).containsEntry("efitype", "4m").containsEntry("pre-enrolled-keys", "1");
        assertThat(parsed(gaming.get("tpmstate0"))).containsEntry("version", "v2.0");
        assertThat(gaming.get("net0")).startsWith("virtio=BC:24:11:44:01:01,bridge=vmbr0");
        assertThat(gaming.get("tags")).isEqualTo("gaming;rigplane;terraform");

        Map<String, String> ubuntu = rendered("tf-ubuntu");
        assertThat(ubuntu).containsEntry("cpu", "x86-64-v2-AES").containsEntry("cores", "2")
                .containsEntry("memory", "2048").doesNotContainKey("balloon").containsEntry("onboot", "1")
                .containsEntry("startup", "order=3,up=60,down=60").containsEntry("serial0", "socket")
                .containsEntry("ostype", "l26").containsEntry("scsihw", "virtio-scsi-pci").containsEntry("agent", "0");
        assertThat(parsed(ubuntu.get("scsi0"))).containsEntry("size", "20G");
    }

    @Test
    void aPlanIsImportedFromItsPlannedValuesAndADryRunStoresNothing() {
        String plan = """
                {"format_version": "1.2", "terraform_version": "1.9.8",
                 "planned_values": {"root_module": {"child_modules": [{"address": "module.desktops",
                   "resources": [{"address": "module.desktops.proxmox_virtual_environment_vm.desk[\\"a\\"]",
                     "mode": "managed", "type": "proxmox_virtual_environment_vm", "name": "desk", "index": "a",
                     "values": {"name": "tf-planned", "node_name": "srv02", "cpu": [{"cores": 4}],
                       "memory": [{"dedicated": 4096}], "disk": [{"interface": "virtio0", "size": 40}],
                       "network_device": [{"model": "e1000"}]}}]}]}},
                 "resource_changes": []}""";

        Api.Reply dryRun = api.post("/api/v1/profiles/import/terraform?dryRun=true", plan);

        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("dryRun").asBoolean()).isTrue();
        JsonNode resource = dryRun.json().get("resources").get(0);
        assertThat(resource.get("created").asBoolean()).isTrue();
        assertThat(resource.get("vmid").isNull()).isTrue();
        assertThat(resource.get("profile").get("cores").asInt()).isEqualTo(4);
        assertThat(resource.get("profile").get("platform").asString()).isEqualTo("as-is");
        assertThat(api.get("/api/v1/profiles/tf-planned").status()).isEqualTo(404);

        Api.Reply stored = api.post("/api/v1/profiles/import/terraform", plan);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        Map<String, String> config = rendered("tf-planned");
        assertThat(config).containsEntry("virtio0", "local-lvm:40").containsEntry("memory", "4096")
                .containsEntry("balloon", "0");
        assertThat(config.get("net0")).isEqualTo("e1000,bridge=vmbr0");
    }

    @Test
    void unknownAttributesAreReportedPerResource() {
        Api.Reply reply = api.post("/api/v1/profiles/import/terraform?dryRun=true", state(Map.of(
                "name", "tf-unknown", "node_name", "srv02", "quantum_entanglement", true,
                "cpu", List.of(Map.of("cores", 2, "overclock", "5GHz")),
                "network_device", List.of(Map.of("bridge", "vmbr0")))));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("resources").get(0).get("unknownAttributes").toString())
                .isEqualTo("[\"quantum_entanglement\",\"cpu[0].overclock\"]");
    }

    @Test
    void aWholeProjectsStateIsLargerThanOtherBodiesAndIsTakenUpToItsOwnLimit() {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("name", "tf-large", "node_name", "srv02",
                "network_device", List.of(Map.of("bridge", "vmbr0"))));
        values.put("description", "x".repeat(8000));
        List<Object> others = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            others.add(Map.of("address", "random_pet.p" + i, "mode", "managed", "type", "random_pet", "name", "p" + i,
                    "values", Map.of("padding", "y".repeat(5000))));
        }
        Map<String, Object> vm = Map.of("address", HclWriter.RESOURCE_TYPE + ".large", "mode", "managed",
                "type", HclWriter.RESOURCE_TYPE, "name", "large", "values", values);
        others.add(vm);
        String document = JSON.writeValueAsString(Map.of("values", Map.of("root_module", Map.of("resources", others))));
        assertThat(document.length()).isGreaterThan(200_000);

        Api.Reply reply = api.post("/api/v1/profiles/import/terraform?dryRun=true", document);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Api.Reply tooLarge = api.post("/api/v1/profiles/import/terraform?dryRun=true", " ".repeat(9 * 1024 * 1024));
        assertThat(tooLarge.status()).isEqualTo(413);
    }

    @Test
    void aResourceWithRefusedAttributesStopsTheWholeImportWithEveryProblem() {
        Map<String, Object> good = Map.of("name", "tf-good", "node_name", "srv02",
                "disk", List.of(Map.of("interface", "scsi0", "datastore_id", "local-zfs", "size", 16)),
                "network_device", List.of(Map.of("bridge", "vmbr0")));
        Map<String, Object> bad = Map.of("name", "tf-bad", "node_name", "srv02", "kvm_arguments", "-cpu host",
                "hostpci", List.of(Map.of("device", "hostpci0", "id", "0000:01:00.0")),
                "initialization", List.of(Map.of("datastore_id", "local-lvm")),
                "clone", List.of(Map.of("vm_id", 9000)));

        Api.Reply reply = api.post("/api/v1/profiles/import/terraform", state(good, bad));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asString()).endsWith("terraform-import-refused");
        assertThat(problem.get("resources").get(0).get("problems")).isEmpty();
        assertThat(problem.get("resources").get(1).get("problems").toString())
                .contains("kvm_arguments", "hostpci[0].id", "initialization", "clone");
        assertThat(problem.get("errors").toString()).contains("proxmox_virtual_environment_vm.r1: kvm_arguments");
        assertThat(api.get("/api/v1/profiles/tf-good").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/profiles/tf-bad").status()).isEqualTo(404);
    }

    @Test
    void documentsThatAreNotTerraformOutputAreRefused() {
        for (String body : List.of("[]", "{\"format_version\": \"1.0\"}", "{\"values\": {\"root_module\": {}}}",
                "{\"values\": {\"root_module\": {\"resources\": [{\"type\": \"aws_instance\", \"values\": {}}]}}}",
                "{\"values\": {\"root_module\": {\"resources\": \"many\"}}}", "{not json")) {
            Api.Reply reply = api.post("/api/v1/profiles/import/terraform", body);
            assertThat(reply.status()).as(body + " -> " + reply.body()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aResourceForAnExistingVmBindsItAsItIsWithAnEmptyPlan() {
        int vmid = handMadeVm("tf-handmade-src");
        Map<String, String> before = client.config("srv02", vmid).values();
        int destructive = simulator.destructiveCallCount();
        // what the provider's state says of that VM once imported: every attribute, defaults included
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "tf-handmade");
        values.put("node_name", "srv02");
        values.put("vm_id", vmid);
        values.put("acpi", true);
        values.put("bios", "seabios");
        values.put("keyboard_layout", "en-us");
        values.put("on_boot", false);
        values.put("protection", false);
        values.put("tablet_device", true);
        values.put("template", false);
        values.put("started", true);
        values.put("scsi_hardware", "virtio-scsi-single");
        values.put("kvm_arguments", "");
        values.put("tags", List.of());
        values.put("cpu", List.of(Map.of("cores", 4, "sockets", 1, "numa", false, "type", "x86-64-v2-AES", "flags",
                List.of(), "units", 0, "limit", 0, "hotplugged", 0, "affinity", "", "architecture", "")));
        values.put("memory", List.of(Map.of("dedicated", 8192, "floating", 0, "shared", 0, "hugepages", "",
                "keep_hugepages", false)));
        values.put("disk", List.of(Map.ofEntries(Map.entry("interface", "scsi0"), Map.entry("datastore_id", "local-zfs"),
                Map.entry("path_in_datastore", "vm-" + vmid + "-disk-0"), Map.entry("size", 32),
                Map.entry("aio", "io_uring"), Map.entry("cache", "none"), Map.entry("discard", "ignore"),
                Map.entry("iothread", true), Map.entry("ssd", false), Map.entry("backup", true),
                Map.entry("replicate", true), Map.entry("file_format", "raw"), Map.entry("serial", ""))));
        values.put("network_device", List.of(Map.of("bridge", "vmbr0", "model", "virtio", "mac_address",
                before.get("net0").replaceAll("^virtio=([^,]+),.*$", "$1"), "firewall", true, "vlan_id", 0,
                "disconnected", false, "mtu", 0, "queues", 0, "rate_limit", 0)));
        values.put("operating_system", List.of(Map.of("type", "l26")));
        values.put("agent", List.of());

        Api.Reply imported = api.post("/api/v1/profiles/import/terraform", state(values));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode resource = imported.json().get("resources").get(0);
        assertThat(resource.get("bound").asBoolean()).isTrue();
        assertThat(resource.get("differsFromVm")).as(resource.toString()).isEmpty();
        JsonNode plan = api.get("/api/v1/profiles/tf-handmade/plan").json();
        assertThat(plan.get("exists").asBoolean()).isTrue();
        assertThat(plan.get("changes")).as(plan.toString()).isEmpty();
        Map<String, String> after = client.config("srv02", vmid).values();
        before.forEach((key, value) -> {
            if (!key.equals("tags") && !key.equals("name") && !key.equals("digest")) {
                assertThat(after.get(key)).as(key).isEqualTo(value);
            }
        });
        assertThat(after.get("name")).isEqualTo("tf-handmade");
        assertThat(simulator.destructiveCallCount()).isEqualTo(destructive);
    }

    @Test
    void whereTheDocumentAndTheVmDisagreeTheFirstPlanSaysSo() {
        int vmid = handMadeVm("tf-stale-src");
        String mac = client.config("srv02", vmid).values().get("net0").replaceAll("^virtio=([^,]+),.*$", "$1");

        Api.Reply dryRun = api.post("/api/v1/profiles/import/terraform?dryRun=true", state(Map.of(
                "name", "tf-stale", "node_name", "srv02", "vm_id", vmid, "on_boot", false,
                "scsi_hardware", "virtio-scsi-single", "operating_system", List.of(Map.of("type", "l26")),
                "cpu", List.of(Map.of("cores", 6, "type", "x86-64-v2-AES")),
                "memory", List.of(Map.of("dedicated", 8192, "floating", 0)),
                "disk", List.of(Map.of("interface", "scsi0", "datastore_id", "local-zfs", "size", 32, "iothread", true)),
                "network_device", List.of(Map.of("mac_address", mac, "firewall", true)))));

        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        JsonNode resource = dryRun.json().get("resources").get(0);
        assertThat(resource.get("bound").asBoolean()).isTrue();
        assertThat(resource.get("differsFromVm").toString()).isEqualTo("[\"cores\"]");
        assertThat(api.get("/api/v1/profiles/tf-stale").status()).isEqualTo(404);
        assertThat(client.config("srv02", vmid).values().get("name")).isEqualTo("tf-stale-src");

        assertThat(api.post("/api/v1/profiles/import/terraform", state(Map.of("name", "tf-stale", "node_name", "srv02",
                "vm_id", vmid, "on_boot", false, "scsi_hardware", "virtio-scsi-single",
                "operating_system", List.of(Map.of("type", "l26")),
                "cpu", List.of(Map.of("cores", 6, "type", "x86-64-v2-AES")),
                "memory", List.of(Map.of("dedicated", 8192, "floating", 0)),
                "disk", List.of(Map.of("interface", "scsi0", "datastore_id", "local-zfs", "size", 32, "iothread", true)),
                "network_device", List.of(Map.of("mac_address", mac, "firewall", true))))).status()).isEqualTo(201);
        JsonNode plan = api.get("/api/v1/profiles/tf-stale/plan").json();
        assertThat(plan.get("changes")).as(plan.toString()).hasSize(1);
        assertThat(plan.get("changes").get(0).get("key").asString()).isEqualTo("cores");
        assertThat(plan.get("changes").get(0).get("desired").asString()).isEqualTo("6");
    }

    @Test
    void aVmManagedByAnotherProfileIsRefused() {
        int vmid = handMadeVm("tf-owned-src");
        assertThat(api.post("/api/v1/profiles/adopt", "{\"node\": \"srv02\", \"vmid\": " + vmid
                + ", \"name\": \"tf-owner\"}").status()).isEqualTo(201);

        Api.Reply reply = api.post("/api/v1/profiles/import/terraform", state(Map.of("name", "tf-second",
                "node_name", "srv02", "vm_id", vmid)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("errors").toString()).contains("managed by profile 'tf-owner'");
    }

    @Test
    void aVmidOnAnotherNodeThanTheDocumentSaysIsRefused() {
        int vmid = handMadeVm("tf-moved-src");

        Api.Reply reply = api.post("/api/v1/profiles/import/terraform?dryRun=true", state(Map.of("name", "tf-moved",
                "node_name", "srv01", "vm_id", vmid)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("errors").toString()).contains("is on node srv02, not srv01");
    }

    /** A hand-made Linux VM as Proxmox stores it. */
    private int handMadeVm(String name) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("cores", "4");
        config.put("cpu", "x86-64-v2-AES");
        config.put("memory", "8192");
        config.put("numa", "0");
        config.put("sockets", "1");
        config.put("ostype", "l26");
        config.put("scsihw", "virtio-scsi-single");
        config.put("scsi0", "local-zfs:32,iothread=1");
        config.put("net0", "virtio,bridge=vmbr0,firewall=1");
        config.put("ide2", "none,media=cdrom");
        config.put("boot", "order=scsi0;ide2;net0");
        int vmid = client.nextVmid();
        client.await(client.createVm("srv02", vmid, config), Duration.ofSeconds(30));
        return vmid;
    }

    private void createGamingProfile(String name, Integer vmid) {
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv02", %s "platform": "windows-11-gaming", "cores": 8,
                 "memoryMiB": 32768, "gpu": "rtx3070", "tags": ["gaming"], "description": "RTX 3070 for ${streaming}",
                 "network": {"bridge": "vmbr0", "mac": "BC:24:11:AA:BB:CC", "vlanTag": 20},
                 "settings": {"sockets": "1"},
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 200, "role": "system"},
                           {"slot": "scsi1", "storage": "tank", "sizeGiB": 1000, "role": "data"}]}"""
                .formatted(name, vmid == null ? "" : "\"vmid\": " + vmid + ","));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private Map<String, String> rendered(String profile) {
        JsonNode config = api.get("/api/v1/profiles/" + profile + "/proxmox-config").json();
        Map<String, String> values = new TreeMap<>();
        config.get("entries").forEach(entry -> values.put(entry.get("key").asString(), entry.get("value").asString()));
        return values;
    }

    /** A property string as Proxmox means it: the unnamed first value under "", then the options by name. */
    private static Map<String, String> parsed(String value) {
        PropertyString parsed = PropertyString.parse(value);
        Map<String, String> options = new TreeMap<>(parsed.options());
        if (parsed.head() != null) {
            options.put("", parsed.head());
        }
        return options;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resourceBody(String hcl, String label) {
        Map<String, Object> resources = (Map<String, Object>) ((Map<String, Object>) HclDocuments.parse(hcl)
                .get("resource")).get(HclWriter.RESOURCE_TYPE);
        assertThat(resources).as(hcl).containsKey(label);
        return (Map<String, Object>) resources.get(label);
    }

    /** A state document with one resource per set of attribute values, labelled r0, r1… */
    @SafeVarargs
    private static String state(Map<String, Object>... resources) {
        List<Object> list = new java.util.ArrayList<>();
        for (int i = 0; i < resources.length; i++) {
            list.add(Map.of("address", HclWriter.RESOURCE_TYPE + ".r" + i, "mode", "managed",
                    "type", HclWriter.RESOURCE_TYPE, "name", "r" + i, "values", resources[i]));
        }
        return JSON.writeValueAsString(Map.of("format_version", "1.0",
                "values", Map.of("root_module", Map.of("resources", list))));
    }

    private static String resource(String name) {
        try (InputStream in = TerraformApiTest.class.getResourceAsStream("/terraform/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
