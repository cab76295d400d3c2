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

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
        assertThat(browser.all("#snapshot-timeline-table tr[data-kind=taken]")).hasSize(1);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theTimelineNamesEachRunOnHoverAndInATableAndSnapshotsRollBackAndDeleteAfterAConfirmation() {
        String name = appliedProfile("snap-ui-");
        takeSnapshot(name, "before-update");
        takeSnapshot(name, "after-update");
        // three days apart, as they would be in use; dots at nearly one time are named together
        jdbc.sql("update snapshot_run set created_at = created_at - interval '3 days' where profile = :p and snapshot_name = 'before-update'")
                .param("p", name).update();

        browser.go("/profiles/" + name + "/snapshots");
        assertThat(browser.all("#snapshot-timeline svg, svg#snapshot-timeline")).isEmpty();
        assertThat(browser.all("#snapshot-timeline-table tbody tr").stream().map(r -> r.getAttribute("data-name")))
                .containsExactly("before-update", "after-update");
        assertThat(((Number) browser.script("return Chart.getChart(document.getElementById('snapshot-chart'))"
                + ".data.datasets[0].data.length")).intValue()).isEqualTo(2);
        assertThat(hoverTitle(0)).isEqualTo("before-update");
        assertThat(hoverTitle(1)).isEqualTo("after-update");
        // ticks are whole steps: no two read the same
        @SuppressWarnings("unchecked")
        java.util.List<String> ticks = (java.util.List<String>) browser.script("const c = Chart.getChart("
                + "document.getElementById('snapshot-chart')); return c.scales.x.ticks.map(t => t.label);");
        assertThat(ticks).doesNotHaveDuplicates().hasSizeGreaterThan(1);

        // at a phone's width the chart fits the screen
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.go("/profiles/" + name + "/snapshots");
        assertThat(((Number) browser.script("return document.getElementById('snapshot-chart').getBoundingClientRect().right"))
                .doubleValue()).isLessThanOrEqualTo(390);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        // roll back: asks first, Cancel changes nothing
        browser.submit("#snapshot-list tr[data-name=before-update] .snapshot-rollback");
        assertThat(browser.find("#snapshot-confirm").getAttribute("open")).isNotNull();
        assertThat((Boolean) browser.script("return document.getElementById('snapshot-confirm').matches(':modal')")).isTrue();
        assertThat(browser.find("#snapshot-confirm-title").getText()).contains("before-update");
        browser.submit("#snapshot-confirm-cancel");
        assertThat(browser.all("#snapshot-confirm")).isEmpty();
        assertThat(api.get("/api/v1/operations?target=" + name).json().get("items").findValuesAsString("kind"))
                .doesNotContain("snapshot-rollback");

        browser.submit("#snapshot-list tr[data-name=before-update] .snapshot-rollback");
        browser.submit("#snapshot-confirm-submit");
        assertThat(browser.path()).startsWith("/operations/");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(45)).until(
                ExpectedConditions.textToBe(By.id("operation-state"), "SUCCEEDED"));
        JsonNode rollback = api.get("/api/v1/operations/" + browser.path().substring("/operations/".length())).json();
        assertThat(rollback.get("kind").asString()).isEqualTo("snapshot-rollback");
        assertThat(rollback.get("params").get("snapshot").asString()).isEqualTo("before-update");

        // delete: asks first, then the snapshot is gone from Proxmox
        browser.go("/profiles/" + name + "/snapshots");
        browser.submit("#snapshot-list tr[data-name=after-update] .snapshot-delete");
        assertThat(browser.find("#snapshot-confirm-title").getText()).isEqualTo("Delete snapshot after-update?");
        browser.submit("#snapshot-confirm-submit");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(45)).until(
                ExpectedConditions.textToBe(By.id("operation-state"), "SUCCEEDED"));
        assertThat(api.get("/api/v1/profiles/" + name + "/snapshots").json().findValuesAsString("name"))
                .containsExactly("before-update");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Moves the mouse onto the timeline's n-th dot and reads the title of the tooltip Chart.js draws. */
    private String hoverTitle(int index) {
        org.openqa.selenium.WebElement canvas = browser.find("#snapshot-chart");
        browser.script("document.getElementById('snapshot-chart').scrollIntoView({block: 'center'})");
        Number x = (Number) browser.script("return Chart.getChart(document.getElementById('snapshot-chart'))"
                + ".getDatasetMeta(0).data[" + index + "].x");
        Number y = (Number) browser.script("return Chart.getChart(document.getElementById('snapshot-chart'))"
                + ".getDatasetMeta(0).data[" + index + "].y");
        org.openqa.selenium.Rectangle box = canvas.getRect();
        new org.openqa.selenium.interactions.Actions(browser.driver())
                .moveToElement(canvas, (int) Math.round(x.doubleValue() - box.getWidth() / 2.0),
                        (int) Math.round(y.doubleValue() - box.getHeight() / 2.0)).perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> browser.script(
                "const t = Chart.getChart(document.getElementById('snapshot-chart')).tooltip;"
                        + " return t.opacity > 0 && !!t.dataPoints && t.dataPoints.some(p => p.dataIndex === " + index + ")") == Boolean.TRUE);
        return (String) browser.script("return Chart.getChart(document.getElementById('snapshot-chart')).tooltip.title.join(', ')");
    }

    private String appliedProfile(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name)).status()).isEqualTo(201);
        JsonNode applied = api.awaitOperation(api.post("/api/v1/profiles/" + name + "/apply", null).json().get("id")
                .asString(), Duration.ofSeconds(45));
        assertThat(applied.get("state").asString()).isEqualTo("SUCCEEDED");
        return name;
    }

    private void takeSnapshot(String profile, String snapshot) {
        JsonNode taken = api.awaitOperation(api.post("/api/v1/profiles/" + profile + "/snapshots",
                "{\"name\": \"" + snapshot + "\"}").json().get("id").asString(), Duration.ofSeconds(45));
        assertThat(taken.get("state").asString()).isEqualTo("SUCCEEDED");
    }
}
