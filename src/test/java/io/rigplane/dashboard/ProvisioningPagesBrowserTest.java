package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/** Plan, apply with live progress, drift and adopt in a real headless Chromium. */
@IntegrationTest
class ProvisioningPagesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ProfileCatalog catalog;

    @Autowired
    ProxmoxClusters clusters;

    Browser browser;

    Api api;

    @BeforeEach
    void open() throws IOException {
        api = Api.at(port);
        browser = Browser.shared(port);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
    }


    @Test
    void plansAppliesWithLiveProgressAndThenMatches() {
        String name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        createProfile(name);

        browser.go("/profiles/" + name);
        assertThat(browser.find("#drift-badge").getText()).isEqualTo("never checked");
        browser.submit("#plan-profile");

        assertThat(browser.path()).isEqualTo("/profiles/" + name + "/plan");
        assertThat(browser.find("#vm-state").getText()).isEqualTo("not created yet");
        assertThat(browser.all("#plan-changes tbody tr")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.getAttribute("data-effect")).isEqualTo("CREATE"));
        assertThat(browser.find("#plan-changes tr[data-key=cores]").getAttribute("class")).contains("effect-create");

        browser.submit("#apply");

        assertThat(browser.path()).startsWith("/operations/");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(45)).until(
                ExpectedConditions.textToBe(By.id("operation-state"), "SUCCEEDED"));
        // reached through the event stream: the page itself was never reloaded
        assertThat(browser.find("#operation-summary").getText()).startsWith("Created VM");
        assertThat(browser.all("#operation-steps tbody tr")).isNotEmpty();
        assertThat(browser.find("#operation-steps tbody").getText()).contains("UPID:");

        browser.submit("#back-to-plan");
        assertThat(browser.find("#plan-matches").getText()).contains("VM matches its profile");
        assertThat(browser.find("#vm-state").getText()).isIn("running", "stopped");

        browser.submit("#check-drift");
        assertThat(browser.find(".flash").getText()).contains("No drift");
        assertThat(browser.find("#drift-badge").getText()).isEqualTo("in sync");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void showsDriftOnThePlanTheProfileAndTheList() {
        String name = "drift-" + UUID.randomUUID().toString().substring(0, 8);
        createProfile(name);
        Api.Reply accepted = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        browser.go("/operations/" + accepted.json().get("id").asString());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(45)).until(
                ExpectedConditions.textToBe(By.id("operation-state"), "SUCCEEDED"));
        int vmid = catalog.get(name).boundVmid();
        ProxmoxClient client = clusters.defaultClient();
        client.await(client.updateConfig("srv02", vmid, Map.of("cores", "2"), List.of(), null), Duration.ofSeconds(30));

        browser.go("/profiles/" + name + "/plan");
        // before any check, a plan that shows changes is not labelled "never checked"
        assertThat(browser.find("#plan-changes tr[data-key=cores]").getText()).contains("2");
        assertThat(browser.find("#drift-badge").getText()).isNotEqualTo("never checked").isNotEqualTo("in sync");
        browser.submit("#check-drift");

        assertThat(browser.find(".flash").getText()).contains("Drift found");
        // drift is a warning, not a success
        assertThat(browser.find(".flash").getAttribute("class")).contains("flash-warn");
        assertThat(browser.find("#drift-badge").getText()).isEqualTo("drifted");
        WebElement cores = browser.find("#plan-changes tr[data-key=cores]");
        assertThat(cores.getAttribute("data-effect")).isIn("LIVE", "PENDING_RESTART", "NEEDS_STOP");
        assertThat(cores.getText()).contains("2").contains("4");
        browser.go("/profiles/" + name);
        assertThat(browser.find("#drift-badge").getText()).isEqualTo("drifted");
        browser.go("/profiles");
        assertThat(browser.find("tr[data-profile-row='" + name + "'] .badge.drifted").getText()).isEqualTo("drifted");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        for (String page : new String[] {"/profiles/" + name + "/plan", "/profiles/adopt",
                "/operations/" + accepted.json().get("id").asString()}) {
            browser.go(page);
            long overflow = (Long) browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("horizontal overflow on " + page).isLessThanOrEqualTo(0);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void createProfile(String name) {
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv02", "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 8192,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64, "role": "system"}]}"""
                .formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void adoptsAHandMadeVmAndLandsOnItsProfile() {
        JsonNode unmanaged = api.get("/api/v1/vms?managed=false").json();
        boolean present = false;
        for (JsonNode vm : unmanaged) {
            present |= vm.get("vmid").asInt() == 100;
        }
        assertThat(present).as(unmanaged.toString()).isTrue();

        browser.go("/profiles");
        browser.submit("#adopt-vm");
        assertThat(browser.find("#unmanaged-vms tr[data-vmid='100']").getText()).contains("gaming-100").contains("srv02");

        browser.type("#name-100", "Not A Slug");
        browser.submit("#adopt-100");
        WebElement reasons = browser.find("#reasons-100");
        assertThat(reasons.getText()).isNotBlank();
        assertThat(browser.find("#name-100").getAttribute("value")).isEqualTo("Not A Slug");

        browser.type("#name-100", "adopted-gaming");
        browser.submit("#adopt-100");

        assertThat(browser.path()).isEqualTo("/profiles/adopted-gaming");
        assertThat(browser.find("h1").getText()).contains("adopted-gaming");
        assertThat(browser.find(".flash").getText()).contains("Adopted VM 100");
        browser.submit("#plan-profile");
        assertThat(browser.find("#plan-matches").getText()).contains("VM matches its profile");
        browser.go("/profiles/adopt");
        assertThat(browser.all("#unmanaged-vms tr[data-vmid='100']")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
