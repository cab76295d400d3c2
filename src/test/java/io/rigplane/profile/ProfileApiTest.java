package io.rigplane.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class ProfileApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProfileCatalog catalog;

    Api api;

    @BeforeEach
    void clean() {
        jdbc.update("delete from profile");
        api = Api.at(port);
    }

    @Test
    void createsTheReferenceProfileAndReadsItBack() {
        Api.Reply created = api.post("/api/v1/profiles", GamingPc.JSON);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/api/v1/profiles/gaming-pc");
        assertThat(created.header("ETag")).contains("\"0\"");
        Api.Reply read = api.get("/api/v1/profiles/gaming-pc");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).contains("\"0\"");
        JsonNode body = read.json();
        assertThat(body.get("cores").asInt()).isEqualTo(8);
        assertThat(body.get("memoryMiB").asInt()).isEqualTo(32768);
        assertThat(body.get("vmid").asInt()).isEqualTo(100);
        assertThat(body.get("disks")).hasSize(2);
        assertThat(body.get("disks").get(0).get("sizeGiB").asInt()).isEqualTo(200);
        assertThat(body.get("disks").get(1).get("role").asString()).isEqualTo("data");
        assertThat(body.get("gpu").asString()).isEqualTo("rtx3070");
        assertThat(body.get("network").get("mac").asString()).isEqualTo("BC:24:11:AA:BB:CC");
        assertThat(body.get("tags").get(0).asString()).isEqualTo("gaming");
        assertThat(body.get("version").asLong()).isZero();
    }

    /** Disks, tags and settings load in one statement; their product must not repeat any of them. */
    @Test
    void readsEveryDiskTagAndSettingBackOnceAndInOrder() {
        api.post("/api/v1/profiles", GamingPc.with(node -> {
            node.putArray("disks").add(disk("scsi0", 200, "system")).add(disk("scsi2", 100, "data"))
                    .add(disk("scsi1", 50, "data"));
            node.putArray("tags").add("lan").add("gaming").add("studio");
            node.putObject("settings").put("numa", "1").put("sockets", "1");
        }));

        ProfileSpec spec = catalog.get("gaming-pc").spec();

        assertThat(spec.disks()).extracting(Disk::slot, Disk::sizeGiB)
                .containsExactly(tuple("scsi0", 200), tuple("scsi2", 100), tuple("scsi1", 50));
        assertThat(spec.tags()).containsExactly("gaming", "lan", "studio");
        assertThat(spec.settings()).containsExactlyEntriesOf(new java.util.TreeMap<>(
                java.util.Map.of("numa", "1", "sockets", "1")));
        JsonNode body = api.get("/api/v1/profiles/gaming-pc").json();
        assertThat(body.get("disks")).hasSize(3);
        assertThat(body.get("tags")).hasSize(3);
    }

    private static ObjectNode disk(String slot, int sizeGiB, String role) {
        return JsonNodeFactory.instance.objectNode().put("slot", slot)
                .put("storage", "local-zfs").put("sizeGiB", sizeGiB).put("role", role);
    }

    @Test
    void aSecondProfileWithTheSameNameIsAConflictAndChangesNothing() {
        api.post("/api/v1/profiles", GamingPc.JSON);

        Api.Reply again = api.post("/api/v1/profiles", GamingPc.with(node -> node.put("cores", 4)));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asString()).isEqualTo("https://rigplane.io/problems/profile-exists");
        assertThat(api.get("/api/v1/profiles/gaming-pc").json().get("cores").asInt()).isEqualTo(8);
    }

    @Test
    void aVmidBelongsToOneProfile() {
        api.post("/api/v1/profiles", GamingPc.JSON);

        Api.Reply clash = api.post("/api/v1/profiles", GamingPc.named("office-pc", 100));

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("type").asString()).endsWith("/vmid-taken");
        assertThat(clash.json().get("detail").asString()).contains("gaming-pc");
        assertThat(api.get("/api/v1/profiles/office-pc").status()).isEqualTo(404);
    }

    @Test
    void listsPageByPageFilteredByNodeAndTag() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            api.post("/api/v1/profiles", GamingPc.with(node -> {
                node.put("name", "rig-" + n);
                node.remove("vmid");
                node.put("node", n % 2 == 0 ? "srv02" : "srv03");
                node.putArray("tags").add(n < 2 ? "lan" : "studio");
            }));
        }

        JsonNode first = api.get("/api/v1/profiles?size=2").json();
        assertThat(first.get("totalItems").asLong()).isEqualTo(5);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.get("items")).extracting(item -> item.get("name").asString()).containsExactly("rig-0", "rig-1");
        JsonNode last = api.get("/api/v1/profiles?size=2&page=2").json();
        assertThat(last.get("items")).extracting(item -> item.get("name").asString()).containsExactly("rig-4");
        JsonNode onSrv03 = api.get("/api/v1/profiles?node=srv03").json();
        assertThat(onSrv03.get("items")).extracting(item -> item.get("name").asString()).containsExactly("rig-1", "rig-3");
        JsonNode lanOnSrv02 = api.get("/api/v1/profiles?node=srv02&tag=lan").json();
        assertThat(lanOnSrv02.get("items")).extracting(item -> item.get("name").asString()).containsExactly("rig-0");
    }

    @Test
    void badPagingIsRefusedWithFieldErrors() {
        Api.Reply reply = api.get("/api/v1/profiles?size=1000&page=-1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors")).extracting(error -> error.get("field").asString())
                .containsExactlyInAnyOrder("page", "size");
        assertThat(api.get("/api/v1/profiles?size=abc").status()).isEqualTo(400);
    }

    @Test
    void updatesWithIfMatchAndRefusesAStaleVersion() {
        api.post("/api/v1/profiles", GamingPc.JSON);

        Api.Reply updated = api.put("/api/v1/profiles/gaming-pc", GamingPc.with(node -> node.put("cores", 12)),
                "If-Match", "\"0\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).contains("\"1\"");
        assertThat(updated.json().get("cores").asInt()).isEqualTo(12);

        Api.Reply stale = api.put("/api/v1/profiles/gaming-pc", GamingPc.with(node -> node.put("cores", 2)),
                "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asString()).endsWith("/precondition-failed");
        assertThat(api.get("/api/v1/profiles/gaming-pc").json().get("cores").asInt()).isEqualTo(12);
    }

    @Test
    void deleteHonoursIfMatch() {
        api.post("/api/v1/profiles", GamingPc.JSON);

        assertThat(api.delete("/api/v1/profiles/gaming-pc", "If-Match", "\"7\"").status()).isEqualTo(412);
        assertThat(api.get("/api/v1/profiles/gaming-pc").status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/profiles/gaming-pc", "If-Match", "\"0\"").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/profiles/gaming-pc").status()).isEqualTo(404);
    }

    @Test
    void anUnchangedProfileAnswersNotModified() {
        api.post("/api/v1/profiles", GamingPc.JSON);

        Api.Reply reply = api.get("/api/v1/profiles/gaming-pc", "If-None-Match", "\"0\"");

        assertThat(reply.status()).isEqualTo(304);
        assertThat(api.get("/api/v1/profiles/gaming-pc", "If-None-Match", "\"5\"").status()).isEqualTo(200);
    }

    @Test
    void theNameInThePathCannotBeChangedByTheBody() {
        api.post("/api/v1/profiles", GamingPc.JSON);

        Api.Reply reply = api.put("/api/v1/profiles/gaming-pc", GamingPc.named("renamed", 100));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(api.get("/api/v1/profiles/renamed").status()).isEqualTo(404);
    }

    @Test
    void aProfileThatManagesAVmIsDeletedOnlyWhenTheVmIsReleased() {
        api.post("/api/v1/profiles", GamingPc.JSON);
        catalog.bindVm("gaming-pc", 100);

        Api.Reply refused = api.delete("/api/v1/profiles/gaming-pc");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/profile-has-vm");
        assertThat(refused.json().get("detail").asString()).contains("releaseVm=true");
        assertThat(api.get("/api/v1/profiles/gaming-pc").status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/profiles/gaming-pc?releaseVm=true").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/profiles/gaming-pc").status()).isEqualTo(404);
    }

    @Test
    void deletingAProfileFreesTheGpuItHeld() {
        api.post("/api/v1/profiles", GamingPc.JSON);
        jdbc.update("insert into gpu_claim (cluster, node, mapping, profile, claimed_at) "
                + "values ('default', 'srv02', 'rtx3070', 'gaming-pc', now())");

        assertThat(api.delete("/api/v1/profiles/gaming-pc").status()).isEqualTo(204);

        assertThat(jdbc.queryForObject("select count(*) from gpu_claim where profile = 'gaming-pc'", Integer.class))
                .isZero();
    }

    @Test
    void rendersTheProxmoxConfigWithTheLayerOfEachValue() {
        api.post("/api/v1/profiles", GamingPc.JSON);

        JsonNode config = api.get("/api/v1/profiles/gaming-pc/proxmox-config").json();

        assertThat(config.get("platform").asString()).isEqualTo("windows-11-gaming");
        JsonNode entries = config.get("entries");
        assertThat(entry(entries, "machine").get("value").asString()).isEqualTo("pc-q35-10.0");
        assertThat(entry(entries, "machine").get("layer").asString()).isEqualTo("platform");
        assertThat(entry(entries, "cores").get("layer").asString()).isEqualTo("profile");
        assertThat(entry(entries, "scsi0").get("createValue").asString())
                .isEqualTo("local-zfs:200,aio=io_uring,cache=none,discard=on,iothread=1,ssd=1");
    }

    @Test
    void unknownProfilesAreProblemsNotErrors() {
        Api.Reply reply = api.get("/api/v1/profiles/nope");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("type").asString()).endsWith("/profile-not-found");
        assertThat(api.get("/api/v1/profiles/nope/proxmox-config").status()).isEqualTo(404);
        assertThat(api.put("/api/v1/profiles/nope", GamingPc.named("nope", null)).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/profiles/nope").status()).isEqualTo(404);
    }

    @Test
    void everyChangeIsAudited() {
        api.post("/api/v1/profiles", GamingPc.JSON);
        api.put("/api/v1/profiles/gaming-pc", GamingPc.with(node -> node.put("cores", 6)));
        api.delete("/api/v1/profiles/gaming-pc");

        assertThat(jdbc.queryForList("select action from audit_event where target = 'profile:gaming-pc' "
                + "order by id", String.class))
                .containsSubsequence("profile.create", "profile.update", "profile.delete");
        assertThat(jdbc.queryForList("select actor_name from audit_event where target = 'profile:gaming-pc'",
                String.class)).allMatch(actor -> actor.equals("admin/bootstrap"));
    }

    private static JsonNode entry(JsonNode entries, String key) {
        for (JsonNode entry : entries) {
            if (entry.get("key").asString().equals(key)) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + key);
    }
}
