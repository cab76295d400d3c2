package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import io.rigplane.support.StatementLog;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The overview as the home of the fleet, in a real headless Chromium: each node with its GPUs and
 * their holders; each profile's power, live session, drift, snapshots and last operation; recent
 * operations; the live parts following the fleet without a reload; and a cost that does not grow
 * with the fleet.
 */
@IntegrationTest
@Import(StatementLog.Configuration.class)
class OverviewBrowserTest {

    private static final Duration OPERATION = Duration.ofSeconds(45);

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    StatementLog statements;

    Browser browser;

    Api api;

    @BeforeEach
    void open() throws IOException {
        api = Api.at(port);
        browser = Browser.shared(port);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void showsEachNodeAndEachProfileAtAGlance() {
        String gaming = profile("glance-", "srv02", true);
        int vmid = apply(gaming);
        awaitDone(api.post("/api/v1/profiles/" + gaming + "/start", null));
        Api.Reply policy = api.put("/api/v1/profiles/" + gaming + "/snapshot-policy", """
                {"policies": [{"label": "nightly", "cron": "0 3 * * *", "keep": 5}]}""");
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        JsonNode snapshot = awaitDone(api.post("/api/v1/profiles/" + gaming + "/snapshots",
                "{\"name\": \"before-update\"}"));
        Api.Reply drift = api.post("/api/v1/profiles/" + gaming + "/drift", null);
        assertThat(drift.status()).as(drift.body()).isEqualTo(200);
        Api.Reply session = api.post("/api/v1/sessions", """
                {"profile": "%s", "clientName": "living-room-tv"}""".formatted(gaming));
        assertThat(session.status()).as(session.body()).isEqualTo(202);
        String who = session.json().get("requestedBy").asString().replaceFirst("^[A-Z]+:", "");
        String sessionId = session.json().get("id").asString();
        // settled first, so that the page does not change under the reads below
        org.awaitility.Awaitility.await().atMost(OPERATION).until(() -> List.of("READY", "ACTIVE")
                .contains(api.get("/api/v1/sessions/" + sessionId).json().get("state").asString()));
        String office = profile("office-", "srv03", false);

        browser.go("/");

        WebElement srv02 = browser.find("#overview-nodes li[data-node=srv02]");
        assertThat(srv02.findElement(By.cssSelector(".node-state")).getText()).isEqualTo("awake");
        WebElement gpu = srv02.findElement(By.cssSelector("li[data-gpu=rtx3070]"));
        assertThat(gpu.getText()).contains("held by " + gaming);
        assertThat(gpu.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("/profiles/" + gaming);

        assertThat(text(gaming, "Profile")).contains("VM " + vmid + " on srv02").contains("rtx3070");
        assertThat(text(gaming, "Power")).isEqualTo("running");
        assertThat(text(gaming, "Session")).contains(who).contains("since");
        assertThat(href(gaming, "Session", "a.badge"))
                .endsWith("/sessions/" + session.json().get("id").asString());
        assertThat(text(gaming, "Drift")).isEqualTo("in sync");
        assertThat(href(gaming, "Drift", "a.badge")).endsWith("/profiles/" + gaming + "/plan");
        assertThat(text(gaming, "Snapshots")).contains("before-update")
                .containsAnyOf("ago", "just now").contains("next in");
        assertThat(text(gaming, "Last operation")).containsAnyOf("power-start", "snapshot").contains("SUCCEEDED");
        assertThat(href(gaming, "Last operation", "a")).contains("/operations/");

        assertThat(text(office, "Power")).isEqualTo("not created");
        assertThat(text(office, "Profile")).doesNotContain("auto");
        assertThat(text(office, "Session")).isEqualTo("none");
        assertThat(text(office, "Drift")).isEqualTo("never checked");
        assertThat(text(office, "Snapshots")).contains("none taken").contains("none scheduled");

        List<String> recent = settled(() -> browser.all("#overview-operations tbody tr").stream()
                .map(tr -> tr.getAttribute("data-operation")).toList());
        assertThat(recent).isNotEmpty().hasSizeLessThanOrEqualTo(10).contains(snapshot.get("id").asString());
        assertThat(settled(() -> browser.find("#overview-operations").getText())).contains(gaming);
        assertThat(browser.consoleErrors()).isEmpty();

        api.delete("/api/v1/sessions/" + session.json().get("id").asString());
        awaitDone(api.post("/api/v1/profiles/" + gaming + "/stop", null));
    }

    @Test
    void followsVmsSessionsAndNodesWithoutAReload() {
        String name = profile("live-", "srv03", false);
        apply(name);
        browser.go("/");
        assertThat(text(name, "Power")).isEqualTo("stopped");
        browser.script("window.notReloaded = true;");

        JsonNode started = awaitDone(api.post("/api/v1/profiles/" + name + "/start", null));
        awaitCell(name, "Power", "running");
        awaitCell(name, "Last operation", "power-start");
        assertThat(settled(() -> browser.find("#overview-operations").getText())).contains("power-start");
        assertThat(browser.all("#overview-operations tr[data-operation='" + started.get("id").asString() + "']"))
                .hasSize(1);

        Api.Reply session = api.post("/api/v1/sessions", """
                {"profile": "%s", "clientName": "couch-tv"}""".formatted(name));
        assertThat(session.status()).as(session.body()).isEqualTo(202);
        awaitCell(name, "Session", "since");
        api.delete("/api/v1/sessions/" + session.json().get("id").asString());
        awaitCell(name, "Session", "none");

        awaitDone(api.post("/api/v1/profiles/" + name + "/stop", null));
        awaitCell(name, "Power", "stopped");

        try {
            simulator.setNodeOnline("srv03", false);
            awaitNode("srv03", "asleep");
            awaitDone(api.post("/api/v1/nodes/srv03/wake", null));
            awaitNode("srv03", "awake");
        } finally {
            simulator.setNodeOnline("srv03", true);
        }
        assertThat(browser.script("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theProfilesListShowsPowerAndDrift() {
        String running = profile("listed-", "srv03", false);
        int vmid = apply(running);
        awaitDone(api.post("/api/v1/profiles/" + running + "/start", null));
        api.post("/api/v1/profiles/" + running + "/drift", null);
        String unborn = profile("unborn-", "srv03", false);

        browser.go("/profiles?page=0");
        WebElement row = browser.find("tr[data-profile-row='" + running + "']");
        assertThat(row.findElement(By.cssSelector(".power")).getText()).isEqualTo("running");
        assertThat(row.findElement(By.cssSelector(".drift")).getText()).isEqualTo("in sync");
        assertThat(row.findElement(By.cssSelector(".drift a")).getAttribute("href"))
                .endsWith("/profiles/" + running + "/plan");
        assertThat(row.findElement(By.cssSelector(".vmid")).getText()).isEqualTo(Integer.toString(vmid));
        WebElement other = browser.find("tr[data-profile-row='" + unborn + "']");
        assertThat(other.findElement(By.cssSelector(".power")).getText()).isEqualTo("not created");
        assertThat(other.findElement(By.cssSelector(".drift")).getText()).isEqualTo("never checked");
        assertThat(browser.consoleErrors()).isEmpty();
        awaitDone(api.post("/api/v1/profiles/" + running + "/stop", null));
    }

    @Test
    void onAPhoneEachProfileKeepsEveryFact() {
        String name = profile("phone-", "srv03", false);
        apply(name);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.go("/");
        for (String label : new String[] {"Power", "Session", "Drift", "Snapshots", "Last operation"}) {
            Boolean inside = settled(() -> {
                WebElement cell = cell(name, label);
                return cell.isDisplayed() && cell.getRect().getX() + cell.getRect().getWidth() <= 390;
            });
            assertThat(inside).as(label).isTrue();
        }
        assertThat(text(name, "Last operation")).contains("apply");
        assertThat((Long) browser.script("return document.documentElement.scrollWidth;")).isLessThanOrEqualTo(390L);
    }

    @Test
    void costsTheSameStatementsForTwoProfilesOrTen() {
        // one profile at least: with none, the profile list and the last operations skip their queries
        apply(profile("many-", "srv03", false));
        browser.go("/account");
        List<String> few = liveStatements();
        for (int i = 0; i < 3; i++) {
            String name = profile("many-", "srv03", false);
            apply(name);
            api.post("/api/v1/profiles/" + name + "/drift", null);
            api.put("/api/v1/profiles/" + name + "/snapshot-policy", """
                    {"policies": [{"label": "nightly", "cron": "0 3 * * *", "keep": 5}]}""");
        }
        List<String> many = liveStatements();
        // the dashboard session, the profiles, then one or two per module whatever the fleet's size
        assertThat(many).as(String.join("\n", many)).hasSameSizeAs(few).hasSizeLessThanOrEqualTo(16);
    }

    /** Statements of one fetch of the overview's live part, as the page makes it. */
    private List<String> liveStatements() {
        fetchLive();
        statements.clear();
        fetchLive();
        List<String> sql = statements.requestStatements();
        assertThat(sql).isNotEmpty();
        return sql;
    }

    /** The live part as the page fetches it; fails unless it answers 200. */
    private String fetchLive() {
        browser.script("window.fetched = null; fetch('/overview/live')"
                + ".then(r => r.text().then(t => { window.fetched = r.status + ' ' + t; }));");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> browser.script("return window.fetched;") != null);
        String fetched = (String) browser.script("return window.fetched;");
        assertThat(fetched).startsWith("200 ");
        return fetched;
    }

    private String text(String profile, String label) {
        return settled(() -> cell(profile, label).getText());
    }

    private String href(String profile, String label, String css) {
        return settled(() -> cell(profile, label).findElement(By.cssSelector(css)).getAttribute("href"));
    }

    /** Read again when the live part was replaced between finding an element and reading it. */
    private <T> T settled(java.util.function.Supplier<T> read) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> read.get());
    }

    /** Looked up afresh each time: the page replaces its live part when the fleet changes. */
    private WebElement cell(String profile, String label) {
        return browser.find("#overview-profiles tr[data-profile='" + profile + "'] td[data-label='" + label + "']");
    }

    private void awaitCell(String profile, String label, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#overview-profiles tr[data-profile='" + profile + "'] td[data-label='" + label + "']"),
                text));
    }

    private void awaitNode(String node, String state) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(
                By.cssSelector("#overview-nodes li[data-node=" + node + "] .node-state"), state));
    }

    private String profile(String prefix, String node, boolean gpu) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "%s", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096, %s
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name, node, gpu ? "\"gpu\": \"rtx3070\"," : ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    /** Creates the profile's VM; its VMID. */
    private int apply(String name) {
        awaitDone(api.post("/api/v1/profiles/" + name + "/apply", null));
        return api.get("/api/v1/profiles/" + name + "/status").json().get("vmid").asInt();
    }

    private JsonNode awaitDone(Api.Reply accepted) {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode done = api.awaitOperation(accepted.json().get("id").asString(), OPERATION);
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done;
    }
}
