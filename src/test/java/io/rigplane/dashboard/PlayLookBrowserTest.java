package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * How the play page looks in a real headless Chromium: the system's light or dark scheme, as the
 * rest of the dashboard, with the TV's focus ring still plain to see; and the READY screen, where
 * the steps above keep clear of the focused open button at a laptop's, a phone's and a TV's size.
 */
@IntegrationTest
class PlayLookBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    Api api;

    @BeforeEach
    void open() throws IOException {
        api = Api.at(port);
        browser = Browser.shared(port);
        // cleared on a page of the same origin without play.js, which would resume a stored session
        browser.go("/login");
        browser.script("localStorage.clear()");
        browser.driver().get("about:blank");
        browser.consoleErrors();
    }

    @AfterEach
    void leave() {
        // a play page left open without a token would go on asking for sign-in codes
        browser.driver().get("about:blank");
        browser.reset();
    }

    @Test
    void thePlayPageFollowsTheLightOrDarkSchemeAndItsFocusRingStaysPlain() {
        String name = profile("look-");
        String token = device("look-tv-" + name, name);
        for (String scheme : List.of("light", "dark")) {
            browser.colorScheme(scheme);
            browser.go("/play#token=" + token);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
                    .visibilityOfElementLocated(By.cssSelector("#play-profile-buttons button")));
            String background = css("body", "background-color");
            String text = css("body", "color");
            if (scheme.equals("light")) {
                assertThat(luminance(background)).as("light background").isGreaterThan(0.85);
                assertThat(luminance(text)).as("dark text").isLessThan(0.2);
            } else {
                assertThat(luminance(background)).as("dark background").isLessThan(0.15);
                assertThat(luminance(text)).as("light text").isGreaterThan(0.8);
            }
            // the same colours as the dashboard's pages in this scheme
            browser.go("/login");
            assertThat(css("body", "background-color")).as(scheme + ": as the dashboard").isEqualTo(background);
            browser.go("/play");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
                    .visibilityOfElementLocated(By.cssSelector("#play-profile-buttons button")));

            // a TV is used from across the room: the text and the focused button stand out
            assertThat(contrast(text, background)).as(scheme + ": text").isGreaterThanOrEqualTo(7);
            String focused = (String) browser.script("const b = document.querySelector('#play-profile-buttons button');"
                    + " b.focus(); return getComputedStyle(b).outlineColor;");
            assertThat(contrast(focused, background)).as(scheme + ": focus ring " + focused).isGreaterThanOrEqualTo(3);
            String primary = css("#play-profile-buttons button", "background-color");
            assertThat(contrast(css("#play-profile-buttons button", "color"), primary)).as(scheme + ": button text")
                    .isGreaterThanOrEqualTo(4.5);
        }
        assertThat(Screens.consoleErrors(browser)).isEmpty();
    }

    @Test
    void onTheReadyScreenTheStepsKeepClearOfTheFocusedOpenButton() {
        String name = appliedProfile("ready-look-");
        browser.go("/play#token=" + device("ready-tv-" + name, name));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
                .elementToBeClickable(By.cssSelector("#play-profile-buttons button"))).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("play-ready")));
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("play-artemis");

        for (String scheme : List.of("dark", "light")) {
            browser.colorScheme(scheme);
            for (int[] size : Screens.SIZES) {
                Screens.size(browser, size[0], size[1]);
                browser.script("document.getElementById('play-artemis').focus()");
                @SuppressWarnings("unchecked")
                Map<String, Object> room = (Map<String, Object>) browser.script("""
                        const button = document.getElementById('play-artemis');
                        const style = getComputedStyle(button);
                        const ring = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
                        const top = button.getBoundingClientRect().top - ring;
                        const chips = Array.from(document.querySelectorAll('#play-steps li'))
                          .map((li) => li.getBoundingClientRect().bottom);
                        return {ring: top, chips: Math.max(...chips)};""");
                double ringTop = ((Number) room.get("ring")).doubleValue();
                double chipsBottom = ((Number) room.get("chips")).doubleValue();
                Screens.shot(browser, "play-ready-look-" + scheme + "-" + size[0] + "x" + size[1]);
                assertThat(ringTop).as(scheme + " " + size[0] + "x" + size[1]
                        + ": the focused button's ring starts below the last step chip").isGreaterThan(chipsBottom);
                assertThat(Screens.visibleWithoutScrolling(browser, "#play-end")).as(size[0] + "x" + size[1]).isTrue();
                // the Moonlight instructions hold a long address: it wraps, the page does not run off the screen
                // against the screen's width: an emulated phone widens its viewport to what overflows it
                assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                        .as(size[0] + "x" + size[1] + ": sideways").isLessThanOrEqualTo(size[0]);
            }
        }
        browser.find("#play-end").click();
        assertThat(Screens.consoleErrors(browser)).isEmpty();
    }

    private String css(String selector, String property) {
        return browser.find(selector).getCssValue(property);
    }

    /** WCAG's contrast ratio of two CSS colours, 1 to 21. */
    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
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

    private String profile(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
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

    private String device(String name, String profile) {
        Api.Reply created = api.post("/api/v1/devices", "{\"name\": \"" + name + "\", \"profiles\": [\"" + profile + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asString();
    }
}
