package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The operations list: every operation newest first, found by target or state, each linked to its
 * page; the overview's few recent ones lead there; a state that does not exist is a 400 page.
 */
@IntegrationTest
class OperationsPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    Api api;

    @BeforeEach
    void open() throws IOException {
        api = Api.at(port);
        browser = Browser.shared(port);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void listsOperationsNewestFirstFiltersByTargetAndStateAndLinksEachToItsPage() {
        String name = "ops-list-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name)).status()).isEqualTo(201);
        Api.Reply applied = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        String apply = applied.json().get("id").asString();
        JsonNode done = api.awaitOperation(apply, Duration.ofSeconds(60));
        assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
        UUID failed = UUID.randomUUID();
        jdbc.sql("""
                insert into operation (id, kind, target, params, state, actor_type, actor_name, error, attempts,
                                       created_at, started_at, finished_at, updated_at)
                values (:id, 'power-start', :target, '{}', 'FAILED', 'USER', 'admin', :error, 1,
                        :at, :at, :at, :at)""")
                .param("id", failed).param("target", name).param("error", "the node did not wake: no answer to the magic packet"
                        + " within 120 s from srv03 (wake-on-LAN via eno1, broadcast 192.168.1.255); the VM was not started").param("at", Timestamp.from(Instant.now().plusSeconds(5)))
                .update();

        browser.go("/");
        browser.submit("#all-operations");
        assertThat(browser.path()).isEqualTo("/operations");
        assertThat(browser.find("nav a[data-menu=operations]").getAttribute("class")).contains("active");

        browser.type("#operation-filters input[name=target]", name);
        browser.submit("#operation-filters button[type=submit]");
        assertThat(browser.all("#operations tbody tr")).extracting(row -> row.getAttribute("data-operation"))
                .as("newest first").containsExactly(failed.toString(), apply);
        WebElement failedRow = browser.find("tr[data-operation='" + failed + "']");
        assertThat(failedRow.getText()).contains("power-start", name, "FAILED", "the node did not wake");
        assertThat(failedRow.findElement(org.openqa.selenium.By.cssSelector(".state")).getAttribute("class"))
                .contains("state-failed");
        // an operation's kind reads whole, never "power-" above "start", beside a long error at 1440
        browser.screen(1440, 900, false);
        browser.go(browser.path());
        assertThat(Screens.brokenWords(browser, "#operations td:first-child")).isEmpty();


        new Select(browser.find("#operation-filters select[name=state]")).selectByValue("SUCCEEDED");
        browser.submit("#operation-filters button[type=submit]");
        assertThat(browser.all("#operations tbody tr")).extracting(row -> row.getAttribute("data-operation"))
                .containsExactly(apply);
        browser.submit("tr[data-operation='" + apply + "'] td a");
        assertThat(browser.path()).isEqualTo("/operations/" + apply);
        assertThat(browser.find("#operation-state").getText()).isEqualTo("SUCCEEDED");

        browser.go("/operations?state=bogus");
        assertThat(browser.find(".error-status").getText()).contains("400");
        assertThat(browser.find(".error-detail").getText()).contains("state");
        assertThat(browser.find("body").getText()).doesNotContain("\"status\"");
        assertThat(browser.consoleErrors()).as("only the 400 of the bogus state")
                .allMatch(error -> error.contains("state=bogus"));
    }
}
