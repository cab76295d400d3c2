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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The power panel of a profile page with its buttons, and the nodes page, in a real headless Chromium. */
@IntegrationTest
class PowerPagesBrowserTest {

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
    void startsAndStopsFromTheProfilePageWithLiveState() {
        String name = "power-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "tags": ["%s"]}"""
                .formatted(name, name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // no VM yet: not "stopped", and no VMID but the one chosen at provisioning
        browser.go("/profiles/" + name);
        assertThat(browser.find("#power-panel #power-state").getText()).isEqualTo("not created");
        assertThat(browser.find("#profile-vmid").getText()).isEqualTo("chosen at provisioning");
        Api.Reply applied = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        JsonNode done = api.awaitOperation(applied.json().get("id").asString(), Duration.ofSeconds(45));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");

        browser.go("/profiles/" + name);
        assertThat(browser.find("#power-panel #power-state").getText()).isEqualTo("stopped");
        String vmid = browser.find("#power-vm").getText().split(" ")[0];
        assertThat(browser.find("#profile-vmid").getText()).isEqualTo(vmid).matches("\\d+");
        assertThat(browser.find("#power-start").getAttribute("class")).contains("primary");
        // other test classes share this database: the list's first page need not hold this profile
        browser.go("/profiles?tag=" + name);
        assertThat(browser.find("tr[data-profile-row='" + name + "'] .vmid").getText()).isEqualTo(vmid);
        browser.go("/profiles/" + name);
        browser.submit("#power-start");

        assertThat(browser.path()).startsWith("/operations/");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(45)).until(
                ExpectedConditions.textToBe(By.id("operation-state"), "SUCCEEDED"));
        browser.submit("#operation-target");
        assertThat(browser.path()).isEqualTo("/profiles/" + name);
        assertThat(browser.find("#power-panel #power-state").getText()).isEqualTo("running");
        // a running VM: starting is not offered as the main action, stopping it is
        WebElement start = browser.find("#power-start");
        assertThat(start.getAttribute("class")).doesNotContain("primary");
        assertThat(start.isEnabled()).isFalse();
        assertThat(browser.find("#power-shutdown").getAttribute("class")).contains("primary");

        browser.confirm("#power-stop");
        assertThat(browser.path()).startsWith("/operations/");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(45)).until(
                ExpectedConditions.textToBe(By.id("operation-state"), "SUCCEEDED"));
        browser.go("/profiles/" + name);
        // the panel refreshes itself: the state shows without a reload
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(
                ExpectedConditions.textToBe(By.cssSelector("#power-panel #power-state"), "stopped"));

        browser.go("/profiles/" + name + "/power");
        assertThat(browser.find("#power-state").getText()).isEqualTo("stopped");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aHeldGpuComesBackAsAMessageOnTheProfilePage() {
        String holder = gpuProfile("holder-");
        String other = gpuProfile("other-");
        Api.Reply started = api.post("/api/v1/profiles/" + holder + "/start", null);
        assertThat(started.status()).as(started.body()).isIn(202, 409);
        if (started.status() == 202) {
            api.awaitOperation(started.json().get("id").asString(), Duration.ofSeconds(45));
        }

        browser.go("/profiles/" + other);
        browser.find("#power-panel #power-state");
        browser.submit("#power-start");

        assertThat(browser.path()).isEqualTo("/profiles/" + other);
        assertThat(browser.find(".flash").getText()).contains("is held by profile");
        assertThat(browser.consoleErrors()).isEmpty();
        api.post("/api/v1/profiles/" + holder + "/stop", null);
    }

    private String gpuProfile(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv02", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "gpu": "rtx3070",
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Reply applied = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        JsonNode done = api.awaitOperation(applied.json().get("id").asString(), Duration.ofSeconds(45));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return name;
    }

    @Test
    void listsNodesWithTheirGpus() {
        browser.go("/profiles");
        browser.submit("a[href='/nodes']");
        assertThat(browser.path()).isEqualTo("/nodes");
        assertThat(browser.find("#nodes tr[data-node=srv02]").getText()).contains("online");
        assertThat(browser.find("#nodes tr[data-node=srv03]").getText()).isNotBlank();
        assertThat(browser.find("#nodes").getText()).contains("rtx3070");
        assertThat(browser.find("#nodes li[data-gpu=rtx3070]").getText()).containsAnyOf("free", "held by");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
