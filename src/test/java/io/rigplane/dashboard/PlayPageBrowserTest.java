package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The play page of a thin client in a real headless Chromium, signed in by its device token only,
 * and the sessions dashboard beside it.
 */
@IntegrationTest
class PlayPageBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    Api api;

    @BeforeEach
    void open() throws IOException {
        api = Api.at(port);
        browser = Browser.shared(port);
        browser.go("/play");
        browser.script("localStorage.clear()");
        // a play page without a token polls for its sign-in, and RFC 8628's "not yet" is a 400 that
        // Chromium logs as an error: leave it before the test begins
        browser.driver().get("about:blank");
        browser.consoleErrors();
    }

    @org.junit.jupiter.api.AfterEach
    void leave() {
        // a play page left open without a token would go on asking for sign-in codes
        browser.driver().get("about:blank");
    }

    @Test
    void theLinksTokenIsKeptLeavesTheAddressBarAndShowsOneButtonPerProfile() {
        String first = profile("play-a-");
        String second = profile("play-b-");
        String token = device("tv-" + first, first, second);

        browser.go("/play#token=" + token);
        List<String> buttons = buttons();
        assertThat(buttons).containsExactlyInAnyOrder(first, second);
        assertThat(browser.find("#play-device").getText()).isEqualTo("tv-" + first);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("#").doesNotContain(token);
        assertThat(browser.script("return localStorage.getItem('rigplane.deviceToken')")).isEqualTo(token);

        // a TV remote: arrow keys move between the big buttons
        browser.go("/play");
        assertThat(buttons()).hasSize(2);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getAttribute("class")).contains("play-button");
        String before = focused.getText();
        focused.sendKeys(Keys.ARROW_DOWN);
        WebElement next = browser.driver().switchTo().activeElement();
        assertThat(next.getAttribute("class")).contains("play-button");
        assertThat(next.getText()).isNotEqualTo(before);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void forgettingTheDeviceIsNeitherTheDefaultFocusNorReachedByPressingDownAndOk() {
        String name = profile("play-f-");
        String token = device("couch-" + name, name);
        browser.go("/play#token=" + token);
        assertThat(buttons()).containsExactly(name);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isNotEqualTo("play-forget");

        // a remote's Down and OK, pressed again and again, never sign the device out
        for (int press = 0; press < 6; press++) {
            WebElement focused = browser.driver().switchTo().activeElement();
            if (focused.getAttribute("data-profile") != null) {
                focused.sendKeys(Keys.ARROW_DOWN);
                continue; // OK on a profile would start it; this test is about forgetting
            }
            focused.sendKeys(Keys.ARROW_DOWN);
            browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        }
        assertThat(browser.script("return localStorage.getItem('rigplane.deviceToken')")).isEqualTo(token);

        // it asks first, with keeping the device focused; confirming forgets it
        browser.find("#play-forget").click();
        assertThat(browser.find("#play-forget-confirm").isDisplayed()).isTrue();
        assertThat(browser.script("return localStorage.getItem('rigplane.deviceToken')")).isEqualTo(token);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("play-forget-keep");
        browser.find("#play-forget-keep").click();
        assertThat(browser.find("#play-forget-confirm").isDisplayed()).isFalse();
        assertThat(browser.script("return localStorage.getItem('rigplane.deviceToken')")).isEqualTo(token);

        browser.find("#play-forget").click();
        browser.find("#play-forget-yes").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("play-signin")));
        assertThat(browser.script("return localStorage.getItem('rigplane.deviceToken')")).isNull();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aDeviceWithoutProfilesDoesNotFocusForgetting() {
        String token = device("bare-" + UUID.randomUUID().toString().substring(0, 8));
        browser.go("/play#token=" + token);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("play-no-profiles")));
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isNotEqualTo("play-forget");
    }

    @Test
    void playingInTheBrowserTheDashboardIsOpenInKeepsTheDashboardSignedIn() {
        String name = profile("play-keep-");
        String token = device("laptop-" + name, name);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        browser.go("/play#token=" + token);
        assertThat(buttons()).containsExactly(name);
        // the play page speaks with its device token only, never with the dashboard's cookie
        browser.go("/tokens");
        assertThat(browser.path()).isEqualTo("/tokens");
        assertThat(browser.find("h1").getText()).isEqualTo("API tokens");
    }

    @Test
    void withoutATokenItAsksForOneAndARevokedOneIsForgotten() {
        String name = profile("play-c-");
        String token = device("phone-" + name, name);

        browser.go("/play");
        assertThat(browser.find("#play-signin").isDisplayed()).isTrue();
        // signing in with a code comes first; pasting a token is one step further
        browser.find(".play-paste summary").click();
        browser.type("#play-token", token);
        browser.find("#play-token-save").click();
        assertThat(buttons()).containsExactly(name);

        String id = api.get("/api/v1/devices").json().get("items").valueStream()
                .filter(device -> device.get("name").asString().equals("phone-" + name))
                .findFirst().orElseThrow().get("id").asString();
        assertThat(api.delete("/api/v1/devices/" + id).status()).isIn(200, 204);
        browser.go("/play");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("play-signin")));
        assertThat(browser.find("#play-status").getText()).contains("not valid");
        assertThat(browser.script("return localStorage.getItem('rigplane.deviceToken')")).isNull();
    }

    @Test
    void pressingAProfileWakesItAndShowsTheOneTapLinkItsQrCodeAndAnEndButton() {
        String name = appliedProfile("play-go-");
        String token = device("tv-" + name, name);

        browser.go("/play#token=" + token);
        assertThat(buttons()).containsExactly(name);
        browser.find("#play-profile-buttons button").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("play-ready")));

        // waking the host is skipped when an earlier test left the node awake
        assertThat(browser.all("#play-steps li.done, #play-steps li.skipped")).extracting(WebElement::getText)
                .containsExactly("Requested", "Waking the host", "Starting the VM", "Waiting for the stream host",
                        "Ready to stream");
        assertThat(browser.all("#play-steps li.done")).extracting(WebElement::getText)
                .contains("Requested", "Starting the VM", "Waiting for the stream host", "Ready to stream");
        String link = browser.find("#play-artemis").getAttribute("href");
        assertThat(link).startsWith("art://");
        assertThat(browser.find("#play-artemis").getText()).isEqualTo("Pair and play in Artemis");
        assertThat(browser.find("#play-pin").getText()).matches("Pairing PIN: \\d{4}");
        assertThat(browser.find("#play-moonlight").getText()).isNotBlank();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver ->
                ((Number) browser.script("return document.getElementById('play-qr').naturalWidth")).intValue() > 0);
        assertThat(browser.find("#play-qr").getAttribute("src")).contains("/play/qr?data=art%3A%2F%2F");

        JsonNode session = api.get("/api/v1/sessions?profile=" + name).json().get(0);
        assertThat(session.get("device").asString()).isEqualTo("tv-" + name);
        assertThat(session.get("state").asString()).isIn("READY", "ACTIVE");

        browser.find("#play-end").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("play-back")));
        assertThat(browser.find("#play-reason").getText()).startsWith("Session ended");
        assertThat(api.get("/api/v1/sessions/" + session.get("id").asString()).json().get("state").asString())
                .isEqualTo("ENDED");
        browser.find("#play-back").click();
        assertThat(buttons()).containsExactly(name);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theSessionPageFollowsItsSessionWithoutAReload() {
        String name = appliedProfile("follow-");
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        Api.Reply opened = api.post("/api/v1/sessions", "{\"profile\": \"" + name + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        String id = opened.json().get("id").asString();
        browser.go("/sessions/" + id);
        browser.script("window.notReloaded = true");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver ->
                List.of("READY", "ACTIVE").contains(browser.find("#session-state").getText()));

        assertThat(api.delete("/api/v1/sessions/" + id).status()).isIn(200, 202);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver ->
                browser.find("#session-state").getText().equals("ENDED"));
        assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
        assertThat(browser.find("#session-state").getAttribute("class")).contains("session-ended");
        assertThat(browser.all("#session-end")).allSatisfy(button -> assertThat(button.isDisplayed()).isFalse());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theSessionsPageListsLiveSessionsEndsOneAndKeepsItInTheHistory() {
        String name = appliedProfile("dash-");
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        browser.go("/sessions");
        assertThat(browser.find("h1").getText()).isEqualTo("Sessions");

        // opened after the page loaded: the live list picks it up by itself
        Api.Reply opened = api.post("/api/v1/sessions", "{\"profile\": \"" + name + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        String id = opened.json().get("id").asString();
        String row = "#live-sessions tr[data-session='" + id + "']";
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver ->
                !browser.all(row + " .state").isEmpty()
                        && List.of("READY", "ACTIVE").contains(browser.all(row + " .state").get(0).getText()));
        assertThat(browser.find(row).getText()).contains(name).contains("TOKEN:");
        browser.submit(row + " a");
        assertThat(browser.path()).isEqualTo("/sessions/" + id);
        assertThat(browser.find("#session-state").getText()).isIn("READY", "ACTIVE");
        assertThat(browser.find("#session-to-ready").getText()).isNotEqualTo("—");
        assertThat(browser.find("#session-duration").getText()).isNotBlank();
        browser.go("/sessions");

        browser.submit("#end-" + id);
        assertThat(browser.path()).isEqualTo("/sessions/" + id);
        assertThat(browser.find("#session-state").getText()).isEqualTo("ENDED");
        // a normal end is news, not an error
        assertThat(browser.find("#session-reason").getText()).contains("ended from the dashboard");
        assertThat(browser.find("#session-reason").getAttribute("class")).doesNotContain("error");
        assertThat(browser.all("#session-transitions tbody tr")).extracting(WebElement::getText)
                .anyMatch(text -> text.startsWith("READY")).anyMatch(text -> text.startsWith("ENDED"));
        assertThat(browser.find("#session-duration").getText()).matches("[0-9.]+ (ms|s)|\\d+ min \\d+ s");

        browser.go("/sessions");
        assertThat(browser.all(row)).isEmpty();
        String history = "#session-history tr[data-session='" + id + "']";
        assertThat(browser.find(history).getText()).contains("ENDED").contains(name)
                .contains("ended from the dashboard by admin");
        assertThat(browser.find(history + " .duration").getText()).isNotEqualTo("—");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private String appliedProfile(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv02", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "shutdownTimeoutSeconds": 5}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Reply applied = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        JsonNode done = api.awaitOperation(applied.json().get("id").asString(), Duration.ofSeconds(60));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return name;
    }

    private List<String> buttons() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#play-profile-buttons button")));
        return browser.all("#play-profile-buttons button").stream().map(WebElement::getText).toList();
    }

    private String profile(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    private String device(String name, String... profiles) {
        Api.Reply created = api.post("/api/v1/devices", """
                {"name": "%s", "profiles": [%s]}""".formatted(name, java.util.Arrays.stream(profiles)
                .map(profile -> '"' + profile + '"').collect(java.util.stream.Collectors.joining(", "))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asString();
    }
}
