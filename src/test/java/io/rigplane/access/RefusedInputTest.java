package io.rigplane.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The bad input an outside review sent that got a 500 or was taken wrongly: each is refused with
 * a 400 problem that says which field is wrong, and stores nothing.
 */
@IntegrationTest
class RefusedInputTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api() {
        return Api.at(port);
    }

    @Test
    void anEmptySessionStateIsNoFilterAndANulStateIsRefused() {
        assertThat(api().get("/api/v1/sessions?state=").status()).isEqualTo(200);
        assertThat(api().get("/api/v1/sessions?state=READY,").status()).isEqualTo(200);
        assertBadRequest(api().get("/api/v1/sessions?state=%00"), "state");
        assertBadRequest(api().get("/api/v1/sessions?state=READY,%00"), "state");
        assertBadRequest(api().get("/api/v1/sessions?state=NOPE"), "state");
        assertThat(api().get("/api/v1/sessions?state=NOPE").json().at("/errors/0/message").asString())
                .startsWith("must be a comma-separated list of ").contains("READY");
        // the same for every other enum filter
        for (String filter : List.of("/api/v1/operations?state=", "/api/v1/audit?outcome=",
                "/api/v1/snapshot-runs?state=")) {
            assertThat(api().get(filter).status()).as(filter).isEqualTo(200);
        }
        assertBadRequest(api().get("/api/v1/operations?state=NOPE"), "state");
    }

    @Test
    void aPageWhoseOffsetPassesTheLastRowThatCanBeCountedIsRefused() {
        for (String list : List.of("/api/v1/audit", "/api/v1/profiles", "/api/v1/operations",
                "/api/v1/snapshot-runs")) {
            assertBadRequest(api().get(list + "?page=2147483647&size=200"), "page");
            assertBadRequest(api().get(list + "?page=10737419&size=200"), "page");
            assertThat(api().get(list + "?page=10000&size=200").status()).as(list).isEqualTo(200);
        }
        DashboardSession admin = signIn();
        for (String page : List.of("/profiles", "/audit")) {
            RawHttp.Reply reply = admin.get(page + "?page=2147483647");
            assertThat(reply.status()).as(page + ": " + reply.body()).isEqualTo(400);
        }
    }

    @Test
    void aNulCharacterAnywhereIsABadRequestThatStoresNothing() {
        long profiles = count("profile");
        Api.Reply described = api().post("/api/v1/profiles", profile("nul-" + shortId(), "\"description\": \"a\\u0000b\","));
        assertBadRequest(described, "description");
        Api.Reply named = api().post("/api/v1/profiles", profile("nul\\u0000" + shortId(), ""));
        assertBadRequest(named, "name");
        Api.Reply tagged = api().post("/api/v1/profiles", profile("nul-" + shortId(), "\"tags\": [\"a\\u0000\"],"));
        assertBadRequest(tagged, "tags[0]");
        assertBadRequest(api().get("/api/v1/profiles?tag=%00"), "tag");
        assertBadRequest(api().get("/api/v1/audit?actor=x%00y"), "actor");
        assertBadRequest(api().get("/api/v1/sessions?profile=%00"), "profile");
        assertThat(count("profile")).isEqualTo(profiles);

        DashboardSession admin = signIn();
        RawHttp.Reply form = admin.post("/profiles", "name=nul-" + shortId() + "&description=a%00b&node=srv03"
                + "&platform=windows-11-gaming&cores=2&memoryMiB=4096&bridge=vmbr0");
        assertThat(form.status()).as(form.body()).isEqualTo(400);
        assertThat(form.body()).contains("description");
        RawHttp.Reply user = admin.post("/users", "username=nul%00user&password=correct%20horse%20battery&role=VIEWER");
        assertThat(user.status()).as(user.body()).isEqualTo(400);
        assertThat(count("profile")).isEqualTo(profiles);
    }

    @Test
    void numbersMustBeWholeNumbersAsWrittenNotCoerced() {
        long profiles = count("profile");
        String name = "coerced-" + shortId();
        Api.Reply fraction = api().post("/api/v1/profiles", profile(name, "").replace("\"cores\": 2", "\"cores\": 2.5"));
        assertBadRequest(fraction, "cores");
        Api.Reply quoted = api().post("/api/v1/profiles", profile(name, "").replace("\"cores\": 2", "\"cores\": \"2\""));
        assertBadRequest(quoted, "cores");
        Api.Reply boolAsNumber = api().post("/api/v1/profiles",
                profile(name, "").replace("\"cores\": 2", "\"cores\": true"));
        assertBadRequest(boolAsNumber, "cores");
        Api.Reply numberAsText = api().post("/api/v1/profiles",
                profile(name, "").replace("\"node\": \"srv03\"", "\"node\": 5"));
        assertBadRequest(numberAsText, "node");
        assertThat(count("profile")).isEqualTo(profiles);

        String profile = created();
        Api.Reply keep = api().put("/api/v1/profiles/" + profile + "/snapshot-policy",
                "{\"policies\": [{\"label\": \"daily\", \"cron\": \"0 3 * * *\", \"keep\": \"7\"}]}");
        assertBadRequest(keep, "policies[0].keep");
        Api.Reply fractionalKeep = api().put("/api/v1/profiles/" + profile + "/snapshot-policy",
                "{\"policies\": [{\"label\": \"daily\", \"cron\": \"0 3 * * *\", \"keep\": 7.5}]}");
        assertBadRequest(fractionalKeep, "policies[0].keep");
        Api.Reply ramAsNumber = api().put("/api/v1/profiles/" + profile + "/snapshot-policy",
                "{\"policies\": [{\"label\": \"daily\", \"cron\": \"0 3 * * *\", \"keep\": 7, \"ramState\": 1}]}");
        assertBadRequest(ramAsNumber, "policies[0].ramState");
        assertThat(count("snapshot_policy")).isZero();
    }

    @Test
    void aCronThatNeverFiresOrStepsByZeroIsRefusedInWords() {
        String profile = created();
        for (String cron : List.of("0 3 30 2 *", "0 3 31 4 *", "*/0 * * * *", "0 */0 * * *", "0 3 * */0 *",
                "0 99999999999 * * *", "0 3 * * 5#x", "0 3 * * 5#", "0 3 1-x * *", "0 3 * * 1/0")) {
            Api.Reply put = api().put("/api/v1/profiles/" + profile + "/snapshot-policy",
                    "{\"policies\": [{\"label\": \"daily\", \"cron\": \"" + cron + "\", \"keep\": 7}]}");
            assertBadRequest(put, "policies[0].cron");
            assertThat(put.body()).as(cron).doesNotContain("java.").doesNotContain("Exception")
                    .doesNotContain("quartz");
        }
        assertThat(count("snapshot_policy")).isZero();

        DashboardSession admin = signIn();
        RawHttp.Reply form = admin.post("/snapshots/" + profile + "/policy",
                "rows[0].label=daily&rows[0].cron=0%203%2030%202%20*&rows[0].timeZone=UTC"
                        + "&rows[0].keep=7&rows[0].when=always&rows[0].enabled=true");
        assertThat(form.status()).as(form.body()).isLessThan(500);
        assertThat(count("snapshot_policy")).isZero();
    }

    @Test
    void aFormRowFarBeyondTheFormsRowsIsRefused() {
        long profiles = count("profile");
        DashboardSession admin = signIn();
        for (String row : List.of("disks[5000].sizeGiB=1", "disks[-1].sizeGiB=1", "disks[2147483648].sizeGiB=1",
                "disks[x].sizeGiB=1")) {
            RawHttp.Reply form = admin.post("/profiles", "name=rows-" + shortId()
                    + "&node=srv03&platform=windows-11-gaming&cores=2&memoryMiB=4096&bridge=vmbr0&" + row);
            assertThat(form.status()).as(row + ": " + form.body()).isEqualTo(400);
        }
        String profile = created();
        RawHttp.Reply policies = admin.post("/snapshots/" + profile + "/policy", "rows[5000].label=x");
        assertThat(policies.status()).as(policies.body()).isEqualTo(400);
        assertThat(count("profile")).isEqualTo(profiles + 1);
    }

    private String created() {
        String name = "refused-" + shortId();
        Api.Reply created = api().post("/api/v1/profiles", profile(name, ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    private static String profile(String name, String extra) {
        return """
                {"name": "%s", %s "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name, extra);
    }

    private static void assertBadRequest(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("errors").findValuesAsString("field")).as(reply.body()).contains(field);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private DashboardSession signIn() {
        RawHttp http = new RawHttp("127.0.0.61", port);
        String cookie = http.signIn("admin", IntegrationTest.ADMIN_PASSWORD).header("set-cookie").split(";")[0];
        String csrf = RawHttp.csrf(http.send("GET", "/tokens", Map.of("Cookie", cookie), null).body());
        return new DashboardSession(http, cookie, csrf);
    }

    record DashboardSession(RawHttp http, String cookie, String csrf) {
        RawHttp.Reply get(String path) {
            return http.send("GET", path, Map.of("Cookie", cookie), null);
        }

        RawHttp.Reply post(String path, String form) {
            return http.send("POST", path, Map.of("Cookie", cookie, "Content-Type", FORM), form + "&_csrf=" + csrf);
        }
    }
}
