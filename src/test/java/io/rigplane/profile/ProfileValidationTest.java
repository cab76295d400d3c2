package io.rigplane.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Every validation rule, through the API: a 400 naming the field, and nothing stored. */
@IntegrationTest
class ProfileValidationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void clean() {
        jdbc.update("delete from profile");
        api = Api.at(port);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken("name with capitals", n -> n.put("name", "Gaming-PC"), "name", "slug"),
                broken("name ending in -", n -> n.put("name", "gaming-"), "name", "slug"),
                broken("name of 64 characters", n -> n.put("name", "a".repeat(64)), "name", "slug"),
                broken("no name", n -> n.remove("name"), "name", "blank"),
                broken("node with a space", n -> n.put("node", "srv 02"), "node", "node name"),
                broken("vmid below 100", n -> n.put("vmid", 99), "vmid", "100"),
                broken("unknown platform", n -> n.put("platform", "windows-xp"), "platform", "windows-11-gaming"),
                broken("no cores", n -> n.put("cores", 0), "cores", "1"),
                broken("513 cores", n -> n.put("cores", 513), "cores", "512"),
                broken("cores as text", n -> n.put("cores", "eight"), "cores", "whole number"),
                broken("memory under 512 MiB", n -> n.put("memoryMiB", 511), "memoryMiB", "512"),
                broken("memory over 4 TiB", n -> n.put("memoryMiB", 4_194_305), "memoryMiB", "4194304"),
                broken("no disks", n -> n.putArray("disks"), "disks", "size"),
                broken("disk of 0 GiB", n -> disk(n, 1).put("sizeGiB", 0), "disks[1].sizeGiB", "1"),
                broken("disk over 128 TiB", n -> disk(n, 1).put("sizeGiB", 131_073), "disks[1].sizeGiB", "131072"),
                broken("unknown slot", n -> disk(n, 1).put("slot", "nvme0"), "disks[1].slot", "disk slot"),
                broken("slot out of range", n -> disk(n, 1).put("slot", "scsi31"), "disks[1].slot", "disk slot"),
                broken("slot used twice", n -> disk(n, 1).put("slot", "scsi0"), "disks[1].slot", "another disk"),
                broken("two system disks", n -> disk(n, 1).put("role", "system"), "disks[1].role", "at most one"),
                broken("unknown role", n -> disk(n, 1).put("role", "boot"), "disks[1].role", "one of system, data"),
                broken("storage id with a space", n -> disk(n, 0).put("storage", "local zfs"), "disks[0].storage", "storage id"),
                broken("sata disk on the gaming platform", n -> disk(n, 1).put("slot", "sata1"), "disks[1].slot", "scsi0-scsi30"),
                broken("no system disk", n -> disk(n, 0).put("role", "data"), "disks", "system disk"),
                broken("mapping id with a dot", n -> n.put("gpu", "rtx.3070"), "gpu", "mapping id"),
                broken("multicast MAC", n -> network(n).put("mac", "01:00:5E:00:00:01"), "network.mac", "unicast"),
                broken("VLAN 4095", n -> network(n).put("vlanTag", 4095), "network.vlanTag", "4094"),
                broken("bridge with a slash", n -> network(n).put("bridge", "vmbr/0"), "network.bridge", "bridge"),
                broken("tag with a space", n -> ((ArrayNode) n.get("tags")).add("two words"), "tags[1]", "tag"),
                broken("ballooning with a GPU", n -> n.putObject("settings").put("balloon", "4096"), "settings.balloon", "passthrough"),
                broken("SeaBIOS", n -> n.putObject("settings").put("bios", "seabios"), "settings.bios", "UEFI"),
                broken("root-only args", n -> n.putObject("settings").put("args", "-cpu host"), "settings.args", "root-only"),
                // qemu-server's check_vm_modify_config_perm: outside its option groups only root@pam may set a key
                broken("root-only hugepages", n -> n.putObject("settings").put("hugepages", "1024"), "settings.hugepages", "root-only"),
                broken("root-only affinity", n -> n.putObject("settings").put("affinity", "0-7"), "settings.affinity", "root-only"),
                broken("root-only vmgenid", n -> n.putObject("settings").put("vmgenid", "1"), "settings.vmgenid", "root-only"),
                broken("raw hostpci", n -> n.putObject("settings").put("hostpci1", "host=01:00.0"), "settings.hostpci1", "mapping"),
                broken("unpinned machine", n -> n.putObject("settings").put("machine", "q35"), "settings.machine", "pinned"),
                broken("visible KVM", n -> n.putObject("settings").put("cpu", "host"), "settings.cpu", "Code 43"),
                broken("unknown setting", n -> n.putObject("settings").put("frobnicate", "1"), "settings.frobnicate", "allowed"),
                broken("misspelt field", n -> n.put("memoryMib", 1024), "memoryMib", "not a known field"));
    }

    private static Arguments broken(String rule, Consumer<ObjectNode> change, String field, String message) {
        return Arguments.of(rule, change, field, message);
    }

    private static ObjectNode disk(ObjectNode profile, int index) {
        return (ObjectNode) profile.get("disks").get(index);
    }

    private static ObjectNode network(ObjectNode profile) {
        return (ObjectNode) profile.get("network");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void refusesABrokenRuleAndStoresNothing(String rule, Consumer<ObjectNode> change, String field, String message) {
        Api.Reply reply = api.post("/api/v1/profiles", GamingPc.with(change));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://rigplane.io/problems/validation");
        assertThat(problem.get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asString()).isEqualTo(field);
            assertThat(error.get("message").asString()).containsIgnoringCase(message);
        });
        assertThat(jdbc.queryForObject("select count(*) from profile", Integer.class)).isZero();
    }

    @Test
    void anUpdateThatBreaksARuleLeavesTheStoredProfileAsItWas() {
        api.post("/api/v1/profiles", GamingPc.JSON);

        Api.Reply reply = api.put("/api/v1/profiles/gaming-pc", GamingPc.with(n -> n.put("cores", 0)));

        assertThat(reply.status()).isEqualTo(400);
        JsonNode stored = api.get("/api/v1/profiles/gaming-pc").json();
        assertThat(stored.get("cores").asInt()).isEqualTo(8);
        assertThat(stored.get("version").asLong()).isZero();
    }

    @Test
    void overridesThePlatformAllowsAreRenderedAsProfileValues() {
        Api.Reply created = api.post("/api/v1/profiles", GamingPc.with(n -> n.putObject("settings")
                .put("machine", "pc-q35-9.2").put("sockets", "1")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode entries = api.get("/api/v1/profiles/gaming-pc/proxmox-config").json().get("entries");
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.get("key").asString()).isEqualTo("machine");
            assertThat(entry.get("value").asString()).isEqualTo("pc-q35-9.2");
            assertThat(entry.get("layer").asString()).isEqualTo("profile");
        });
    }

    @Test
    void malformedJsonIsAProblemAndNotAnError() {
        Api.Reply reply = api.post("/api/v1/profiles", "{\"name\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).endsWith("/malformed-request");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void aBodyOverTheLimitGets413() {
        String huge = GamingPc.with(n -> n.put("description", "x".repeat(70_000)));

        Api.Reply reply = api.post("/api/v1/profiles", huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("type").asString()).endsWith("/payload-too-large");
        assertThat(jdbc.queryForObject("select count(*) from profile", Integer.class)).isZero();
    }

    @Test
    void aWrongContentTypeIsAProblem() {
        Api.Reply reply = api.post("/api/v1/profiles", "name=x", "Content-Type", "text/plain");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
