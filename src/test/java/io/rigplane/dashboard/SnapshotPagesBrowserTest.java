package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A profile's snapshot page: the policy form, its next run, "Snapshot now" and the timeline. */
@IntegrationTest
class SnapshotPagesBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    Api api;

    @BeforeEach
    void open() throws IOException {
        api = Api.at(port);
        browser = Browser.shared(port);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void setsAPolicyTakesASnapshotNowAndDrawsItOnTheTimeline() {
        String name = "snap-page-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name)).status()).isEqualTo(201);
        JsonNode applied = api.awaitOperation(api.post("/api/v1/profiles/" + name + "/apply", null).json().get("id")
                .asString(), Duration.ofSeconds(45));
        assertThat(applied.get("state").asString()).isEqualTo("SUCCEEDED");

        browser.go("/profiles/" + name);
        browser.submit("#snapshots-link");
        assertThat(browser.path()).isEqualTo("/profiles/" + name + "/snapshots");
        assertThat(browser.find("#no-policies").getText()).contains("No policy");

        browser.type("#rows0\\.label", "-nightly");
        browser.submit("#save-policies");
        assertThat(browser.find("#policy-errors").getText()).contains("policies[0].label");

        browser.type("#rows0\\.label", "nightly");
        browser.type("#rows0\\.keep", "5");
        browser.submit("#save-policies");
        assertThat(browser.find("#next-runs [data-label=nightly]").getText()).startsWith("next run ").endsWith("03:00 UTC");
        assertThat(api.get("/api/v1/profiles/" + name + "/snapshot-policy").json().get("policies").get(0)
                .get("keep").asInt()).isEqualTo(5);

        browser.submit("#snapshot-now");
        assertThat(browser.path()).startsWith("/operations/");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(45)).until(
                ExpectedConditions.textToBe(By.id("operation-state"), "SUCCEEDED"));
        browser.go("/profiles/" + name + "/snapshots");
        assertThat(browser.all("#snapshot-list tbody tr")).hasSize(1);
        assertThat(browser.find("#snapshot-list tbody tr").getText()).startsWith("manual-").contains("Rigplane");
        assertThat(browser.all("#snapshot-timeline circle[data-kind=taken]")).hasSize(1);
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
