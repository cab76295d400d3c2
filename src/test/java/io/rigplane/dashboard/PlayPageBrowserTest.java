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

/** The play page of a thin client in a real headless Chromium, signed in by its device token only. */
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
    void withoutATokenItAsksForOneAndARevokedOneIsForgotten() {
        String name = profile("play-c-");
        String token = device("phone-" + name, name);

        browser.go("/play");
        assertThat(browser.find("#play-signin").isDisplayed()).isTrue();
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
                {"name": "%s", "profiles": ["%s"]}""".formatted(name, String.join("\", \"", profiles)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asString();
    }
}
