package io.rigplane.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Platforms as data over HTTP: built-in ones read-only, users' own checked against the Proxmox schema. */
@IntegrationTest
class PlatformApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void theBuiltInPlatformsAreListedAndReadOnly() {
        JsonNode all = api.get("/api/v1/platforms").json();
        List<String> ids = new ArrayList<>();
        all.forEach(platform -> ids.add(platform.get("id").asString()));
        assertThat(ids).contains("as-is", "linux-workstation", "windows-11-gaming");

        Api.Reply windows = api.get("/api/v1/platforms/windows-11-gaming");
        assertThat(windows.status()).isEqualTo(200);
        assertThat(windows.json().get("builtIn").asBoolean()).isTrue();
        assertThat(windows.json().get("osType").asString()).isEqualTo("win11");
        assertThat(windows.json().get("extends").isNull()).isTrue();
        assertThat(windows.json().get("settings").get("cpu").asString()).isEqualTo("host,hidden=1");
        JsonNode linux = api.get("/api/v1/platforms/linux-workstation").json();
        assertThat(linux.get("osType").asString()).isEqualTo("l26");
        assertThat(linux.get("streamHost").asString()).isEqualTo("sunshine");
        assertThat(linux.get("settings").get("efidisk0").asString()).contains("pre-enrolled-keys=0");
        assertThat(api.get("/api/v1/platforms/as-is").json().get("settings")).isEmpty();

        Api.Reply changed = api.put("/api/v1/platforms/windows-11-gaming", "{\"settings\": {\"cpu\": \"host\"}}");
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.json().get("type").asString()).endsWith("/platform-built-in");
        assertThat(api.delete("/api/v1/platforms/as-is").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/platforms/windows-12").status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithEveryBrokenKey() {
        Api.Reply refused = api.post("/api/v1/platforms", """
                {"id": "broken", "extends": "nowhere", "osType": "dos", "streamHost": "parsec",
                 "settings": {"args": "-no-reboot", "name": "x", "vmid": "200", "bios": "uefi",
                              "cpu": "host,hidden=2", "scsi0": "local-zfs:10", "frobnicate": "1",
                              "hostpci[n]": "host=01:00.0", "scsi[n]": "cache=fast", "balloon": "-1",
                              "efidisk0": "efitype=8m", "digest": "abc"}}""");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        TreeSet<String> fields = new TreeSet<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactly("extends", "osType", "settings.args", "settings.balloon", "settings.bios",
                "settings.cpu", "settings.digest", "settings.efidisk0", "settings.frobnicate", "settings.hostpci[n]",
                "settings.name", "settings.scsi0", "settings.scsi[n]", "settings.vmid", "streamHost");
        assertThat(message(refused.json(), "settings.args")).contains("root-only");
        assertThat(message(refused.json(), "settings.hostpci[n]")).contains("mapping");
        assertThat(message(refused.json(), "settings.name")).contains("Rigplane owns it");
        assertThat(message(refused.json(), "settings.bios")).contains("seabios, ovmf");
        assertThat(api.get("/api/v1/platforms/broken").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/platforms", "{\"id\": \"Not A Slug\"}").status()).isEqualTo(400);
    }

    @Test
    void aLinuxWorkstationProfileRendersTheLinuxDefaultsAndRunsSunshine() {
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "linux-desk", "node": "srv02", "platform": "linux-workstation", "cores": 8,
                 "memoryMiB": 16384, "gpu": "rtx3070",
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64, "role": "system"}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode config = api.get("/api/v1/profiles/linux-desk/proxmox-config").json();

        assertThat(value(config, "machine")).isEqualTo("q35");
        assertThat(value(config, "bios")).isEqualTo("ovmf");
        assertThat(value(config, "ostype")).isEqualTo("l26");
        assertThat(value(config, "cpu")).isEqualTo("host");
        assertThat(value(config, "scsihw")).isEqualTo("virtio-scsi-single");
        assertThat(value(config, "efidisk0")).isEqualTo("local-zfs:1,efitype=4m,pre-enrolled-keys=0");
        assertThat(value(config, "scsi0")).contains("aio=io_uring", "cache=none", "iothread=1");
        assertThat(value(config, "hostpci0")).isEqualTo("mapping=rtx3070,pcie=1,x-vga=1");
        assertThat(config.get("entries").toString()).doesNotContain("tpmstate0");
        assertThat(api.get("/api/v1/profiles/linux-desk/stream-host").json().get("kind").asString())
                .isEqualTo("sunshine");
        // a disk's own options are allowed here, checked against the schema of its bus
        Api.Reply badOptions = api.put("/api/v1/profiles/linux-desk", """
                {"name": "linux-desk", "node": "srv02", "platform": "linux-workstation", "cores": 8,
                 "memoryMiB": 16384, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64,
                 "role": "system", "options": "cache=sometimes,size=2G"}]}""");
        assertThat(badOptions.status()).isEqualTo(400);
        assertThat(badOptions.json().get("errors")).hasSize(2).allSatisfy(error ->
                assertThat(error.get("field").asString()).isEqualTo("disks[0].options"));
    }

    @Test
    void aChangeThatWouldBreakAProfileIsRefusedAndADeletionWhileUsedToo() {
        assertThat(api.post("/api/v1/platforms", """
                {"id": "tuned", "description": "a Linux desk with writeback caches", "extends": "linux-workstation",
                 "settings": {"scsi[n]": "aio=io_uring,cache=writeback,iothread=1"}}""").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/profiles", """
                {"name": "tuned-desk", "node": "srv02", "platform": "tuned", "cores": 4, "memoryMiB": 8192,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system",
                            "options": "backup=0"}]}""").status()).isEqualTo(201);
        JsonNode config = api.get("/api/v1/profiles/tuned-desk/proxmox-config").json();
        assertThat(value(config, "scsi0")).isEqualTo("local-zfs:32,aio=io_uring,cache=writeback,iothread=1,backup=0");
        assertThat(value(config, "bios")).isEqualTo("ovmf");

        Api.Reply breaking = api.put("/api/v1/platforms/tuned", "{\"extends\": \"windows-11-gaming\"}");
        assertThat(breaking.status()).as(breaking.body()).isEqualTo(409);
        assertThat(breaking.json().get("type").asString()).endsWith("/platform-in-use");
        assertThat(breaking.json().get("errors")).anySatisfy(error ->
                assertThat(error.get("field").asString()).startsWith("profiles.tuned-desk."));
        Api.Reply stale = api.put("/api/v1/platforms/tuned", "{\"extends\": \"linux-workstation\"}", "If-Match",
                "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        Api.Reply fine = api.put("/api/v1/platforms/tuned",
                "{\"extends\": \"linux-workstation\", \"settings\": {\"cpu\": \"host,flags=+aes\"}}", "If-Match", "\"0\"");
        assertThat(fine.status()).as(fine.body()).isEqualTo(200);
        assertThat(fine.json().get("version").asLong()).isEqualTo(1);
        assertThat(value(api.get("/api/v1/profiles/tuned-desk/proxmox-config").json(), "cpu")).isEqualTo("host,flags=+aes");

        assertThat(api.post("/api/v1/platforms", "{\"id\": \"tuned-more\", \"extends\": \"tuned\"}").status())
                .isEqualTo(201);
        Api.Reply loop = api.put("/api/v1/platforms/tuned", "{\"extends\": \"tuned-more\"}");
        assertThat(loop.status()).isEqualTo(400);
        assertThat(message(loop.json(), "extends")).contains("loop");
        Api.Reply inUse = api.delete("/api/v1/platforms/tuned");
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("errors").toString()).contains("profiles.tuned-desk", "platforms.tuned-more");
    }

    private static String value(JsonNode config, String key) {
        for (JsonNode entry : config.get("entries")) {
            if (entry.get("key").asString().equals(key)) {
                return entry.get("value").asString();
            }
        }
        throw new AssertionError("no " + key + " in " + config);
    }

    private static String message(JsonNode problem, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (error.get("field").asString().equals(field)) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }
}
