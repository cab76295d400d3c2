package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorControl;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's global look in a real headless Chromium: tables and their buttons on a phone,
 * the menu on a laptop and a phone, confirmations before Stop and Revoke, compact IPv6 addresses,
 * date-time pickers, skipped steps, and the light and dark themes.
 */
@IntegrationTest
class DashboardLayoutBrowserTest {

    private static final int PHONE_WIDTH = 390;

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    Browser browser;

    Api api;

    @BeforeEach
    void open() throws IOException {
        api = Api.at(port);
        browser = Browser.shared(port);
    }

    @Test
    void onAPhoneEveryTableKeepsTheEndButtonTheRevokeButtonAndTheGpuHolder() {
        SimulatorControl.pciMapping(simulator, "look-gpu", "node=srv02,path=0000:0a:00,id=10de:2484");
        String name = appliedProfile("phone-", "srv02", "\"gpu\": \"look-gpu\",");
        String device = "phone-tv-" + name;
        assertThat(api.post("/api/v1/devices", "{\"name\": \"" + device + "\", \"profiles\": [\"" + name + "\"]}")
                .status()).isEqualTo(201);
        Api.Reply opened = api.post("/api/v1/sessions", "{\"profile\": \"" + name + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        String id = opened.json().get("id").asString();
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        browser.screen(PHONE_WIDTH, 844, true);

        browser.go("/sessions");
        String row = "#live-sessions tr[data-session='" + id + "']";
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver -> {
            browser.go("/sessions");
            return !browser.all(row + " .state").isEmpty()
                    && List.of("READY", "ACTIVE").contains(browser.all(row + " .state").get(0).getText());
        });
        assertOnScreen("#end-" + id);
        assertThat(browser.find(row + " td.when").getAttribute("data-label")).isEqualTo("Since");
        assertThat(browser.find(row + " td.when").getText()).as("the column's name is shown beside the value")
                .doesNotContain("Since");
        assertThat(labelOf(row + " td.when")).isEqualTo("Since");

        browser.go("/nodes");
        assertOnScreen("tr[data-node=srv02] li[data-gpu=look-gpu] .gpu-held a");
        assertThat(browser.find("tr[data-node=srv02] li[data-gpu=look-gpu] .gpu-held").getText()).contains(name);

        browser.go("/devices");
        assertOnScreen("tr[data-device='" + device + "'] button.danger");

        browser.go("/sessions");
        browser.submit("#end-" + id);
        assertThat(browser.path()).isEqualTo("/sessions/" + id);
        assertThat(browser.find("#session-state").getText()).isEqualTo("ENDED");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theMenuIsOneLineOnALaptopAndOneMenuButtonOnAPhone() {
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        browser.screen(1440, 900, false);
        browser.go("/");
        List<WebElement> entries = visible(".topbar a, .topbar summary, .topbar button");
        assertThat(entries).hasSizeGreaterThanOrEqualTo(8);
        int top = entries.get(0).getRect().getY() + entries.get(0).getRect().getHeight() / 2;
        assertThat(entries).as("every entry on one line").allSatisfy(entry -> assertThat(
                entry.getRect().getY() + entry.getRect().getHeight() / 2).isBetween(top - 8, top + 8));
        assertThat(browser.find(".topbar").getRect().getHeight()).isLessThan(80);
        assertThat(browser.find(".nav-more a[data-menu=audit]").isDisplayed()).isFalse();
        browser.find(".nav-more summary").click();
        browser.submit(".nav-more a[data-menu=audit]");
        assertThat(browser.path()).isEqualTo("/audit");
        assertThat(browser.find(".nav-more summary").getCssValue("background-color"))
                .as("More is marked: the page is behind it").isNotEqualTo("rgba(0, 0, 0, 0)");

        browser.screen(PHONE_WIDTH, 844, true);
        browser.go("/");
        assertThat(browser.find(".nav-bar").isDisplayed()).isFalse();
        assertThat(browser.find(".topbar").getRect().getHeight()).as("one row on a phone").isLessThan(70);
        assertThat(browser.find(".nav-compact a[data-menu=devices]").isDisplayed()).isFalse();
        browser.find(".nav-compact summary").click();
        assertOnScreen(".nav-compact a[data-menu=devices]");
        assertOnScreen(".nav-compact .logout button");
        browser.submit(".nav-compact a[data-menu=devices]");
        assertThat(browser.path()).isEqualTo("/devices");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void stopAndRevokeAskFirstAndKeepingIsTheDefaultAnswer() {
        String name = appliedProfile("ask-", "srv03", "");
        JsonNode started = api.awaitOperation(api.post("/api/v1/profiles/" + name + "/start", null).json()
                .get("id").asString(), Duration.ofSeconds(45));
        assertThat(started.get("state").asString()).as(started.toString()).isEqualTo("SUCCEEDED");
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);

        browser.go("/profiles/" + name);
        browser.find("#power-stop").click();
        WebElement question = new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-question")));
        assertThat(question.getText()).startsWith("Stop " + name + " now?");
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("confirm-no");
        // Enter on the focused answer keeps the VM running
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-question")));
        assertThat(browser.path()).isEqualTo("/profiles/" + name);
        assertThat(api.get("/api/v1/profiles/" + name + "/status").json().get("power").asString()).isEqualTo("running");

        browser.go("/tokens");
        browser.type("#new-token-form input[name=name]", "ask-" + name);
        browser.find("#new-token-form input[name=scopes]").click();
        browser.submit("#new-token-form button[type=submit]");
        String row = "tr[data-token='ask-" + name + "']";
        browser.find(row + " button.danger").click();
        assertThat(browser.find("#confirm-question").getText()).startsWith("Revoke the token ask-" + name + "?");
        browser.find("#confirm-no").click();
        browser.go("/tokens");
        assertThat(browser.find(row).getText()).contains("active");
        browser.confirm(row + " button.danger");
        assertThat(browser.find(".flash").getText()).contains("Revoked the token");
        assertThat(browser.find(row).getText()).contains("revoked");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theAuditLogShowsTheIpv6LoopbackAsColonColonOneAndFiltersByPickedDates() {
        String ipv6 = "http://[::1]:" + port;
        browser.driver().get(ipv6 + "/login");
        browser.type("input[name=username]", "admin");
        browser.type("input[name=password]", IntegrationTest.ADMIN_PASSWORD);
        browser.submit("button[type=submit]");
        browser.driver().get(ipv6 + "/audit?action=login");

        List<String> addresses = browser.all("#audit td.address").stream().map(WebElement::getText).toList();
        assertThat(addresses).contains("::1").noneMatch(address -> address.startsWith("0:0:0:0"));
        JsonNode items = api.get("/api/v1/audit?action=login&size=100").json().get("items");
        assertThat(items.findValuesAsString("sourceAddress")).contains("::1")
                .noneMatch(address -> address.startsWith("0:0:0:0"));

        // the date filters are pickers, read as UTC like the table
        assertThat(browser.find("input[name=from]").getAttribute("type")).isEqualTo("datetime-local");
        assertThat(browser.find("input[name=to]").getAttribute("type")).isEqualTo("datetime-local");
        browser.script("document.querySelector('input[name=from]').value = '2999-01-01T00:00'");
        browser.submit(".filters button[type=submit]");
        assertThat(browser.find("main").getText()).contains("No events match.");
        assertThat(browser.find("input[name=from]").getAttribute("value")).isEqualTo("2999-01-01T00:00");
        browser.script("document.querySelector('input[name=from]').value = '2000-01-01T00:00'");
        browser.submit(".filters button[type=submit]");
        assertThat(browser.all("#audit td.address")).isNotEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aSkippedStepIsNeutralNeitherStruckThroughNorRed() {
        String name = appliedProfile("skip-", "srv03", "");
        String id = "";
        for (int i = 0; i < 2; i++) {
            id = api.post("/api/v1/profiles/" + name + "/start", null).json().get("id").asString();
            api.awaitOperation(id, Duration.ofSeconds(45));
        }
        // the second start found the VM running: its step is SKIPPED
        assertThat(api.get("/api/v1/operations/" + id).json().get("steps").get(0).get("state").asString())
                .isEqualTo("SKIPPED");
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        browser.go("/operations/" + id);

        WebElement skipped = browser.find("#operation-steps .state-skipped");
        assertThat(skipped.getText()).isEqualTo("SKIPPED");
        assertThat(skipped.getCssValue("text-decoration-line")).isEqualTo("none");
        assertThat(skipped.getCssValue("border-top-style")).as("its own look, apart from done and failed")
                .isEqualTo("dashed");
        String danger = (String) browser.script("const probe = document.createElement('span');"
                + "probe.className = 'state state-failed'; document.body.appendChild(probe);"
                + "return getComputedStyle(probe).color;");
        assertThat(skipped.getCssValue("color")).isNotEqualTo(danger);

        // the play page's list of steps too
        browser.go("/play");
        browser.script("const list = document.createElement('ol'); list.className = 'play-steps';"
                + "list.innerHTML = '<li class=\"skipped\" id=\"probe\">Waking the host</li>';"
                + "document.querySelector('main').appendChild(list);");
        assertThat(browser.find("#probe").getCssValue("text-decoration-line")).isEqualTo("none");
    }

    @Test
    void everyPageFollowsTheSystemsLightOrDarkScheme() {
        browser.colorScheme("light");
        browser.go("/login");
        assertThat(luminance(browser.find("body").getCssValue("background-color"))).isGreaterThan(0.85);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        for (String page : List.of("/", "/profiles", "/sessions", "/nodes", "/audit", "/no-such-page")) {
            browser.go(page);
            assertThat(luminance(browser.find("body").getCssValue("background-color"))).as(page).isGreaterThan(0.85);
            assertThat(luminance(browser.find("body").getCssValue("color"))).as(page).isLessThan(0.2);
            assertThat(luminance(browser.find(".topbar, main").getCssValue("background-color"))).as(page)
                    .isGreaterThan(0.85);
        }
        browser.colorScheme("dark");
        for (String page : List.of("/", "/audit")) {
            browser.go(page);
            assertThat(luminance(browser.find("body").getCssValue("background-color"))).as(page).isLessThan(0.15);
            assertThat(luminance(browser.find("body").getCssValue("color"))).as(page).isGreaterThan(0.8);
        }
        assertThat(browser.consoleErrors()).as("only the missing page's own 404")
                .allMatch(error -> error.contains("/no-such-page"));
    }

    /** Shown, inside the phone's width, and the page does not scroll sideways. */
    private void assertOnScreen(String css) {
        WebElement element = browser.find(css);
        assertThat(element.isDisplayed()).as(css + " is shown").isTrue();
        assertThat(element.getRect().getX()).as(css + " starts on screen").isGreaterThanOrEqualTo(0);
        assertThat(element.getRect().getX() + element.getRect().getWidth()).as(css + " ends on screen")
                .isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("the page fits the phone's width").isLessThanOrEqualTo(PHONE_WIDTH);
    }

    private String labelOf(String css) {
        return (String) browser.script("return getComputedStyle(document.querySelector(\"" + css.replace("\"", "\\\"")
                + "\"), '::before').content.replace(/^\"|\"$/g, '')");
    }

    private List<WebElement> visible(String css) {
        return browser.all(css).stream().filter(WebElement::isDisplayed).toList();
    }

    /** Relative luminance of a CSS rgb() or rgba() colour, 0 black to 1 white. */
    private static double luminance(String color) {
        Matcher rgb = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(color);
        assertThat(rgb.find()).as(color).isTrue();
        double[] channel = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(rgb.group(i + 1)) / 255.0;
            channel[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
    }

    private String appliedProfile(String prefix, String node, String extra) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "%s", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096, %s
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "shutdownTimeoutSeconds": 5}""".formatted(name, node, extra));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Reply applied = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        JsonNode done = api.awaitOperation(applied.json().get("id").asString(), Duration.ofSeconds(60));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return name;
    }
}
