package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The play page while a start runs and after: the step, a clock counting up and a moving spinner;
 * a failed start shown at once with Try again; and a page left open without a stream is not
 * activity, so the session goes idle and the VM stops.
 */
@IntegrationTest
class PlayProgressBrowserTest {

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
        browser.go("/play");
        browser.script("localStorage.clear()");
        // a play page without a token polls for its sign-in, and RFC 8628's "not yet" is a 400 that
        // Chromium logs as an error: leave it before the test begins
        browser.driver().get("about:blank");
        browser.consoleErrors();
    }

    @AfterEach
    void clear() {
        simulator.faults().clear();
        Screens.reset(browser);
        // a play page left open would go on asking for sign-in codes while later tests count rows
        browser.driver().get("about:blank");
    }

    @Test
    void aStartShowsItsStepAClockAndASpinnerAndAFailureAtOnceWithTryAgain() {
        String profile = appliedProfile("slow-");
        settings(profile, "{\"streamHostTimeoutSeconds\": 15, \"graceSeconds\": 0}");
        simulator.faults().streamHostNeverReady(true);
        browser.go("/play#token=" + device(profile));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
                .elementToBeClickable(By.cssSelector("#play-profile-buttons button"))).click();

        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver ->
                browser.find("#play-progress-step").getText().equals("Waiting for the stream host"));
        assertThat(browser.find("#play-progress").isDisplayed()).isTrue();
        assertThat(browser.find("#play-progress-hint").getText()).isNotBlank();
        assertThat(browser.script("return getComputedStyle(document.querySelector('#play-progress .play-spinner'))"
                + ".animationName")).isEqualTo("play-spin");
        String before = browser.find("#play-elapsed").getText();
        sleep(2500);
        String after = browser.find("#play-elapsed").getText();
        assertThat(List.of(before, after)).allMatch(time -> time.matches("\\d+:\\d\\d"));
        assertThat(seconds(after)).as("the clock counts up").isGreaterThan(seconds(before));
        for (int[] size : Screens.SIZES) {
            Screens.size(browser, size[0], size[1]);
            Screens.shot(browser, "play-starting-" + size[0] + "x" + size[1]);
            assertThat(Screens.visibleWithoutScrolling(browser, "#play-progress")).isTrue();
        }
        Screens.reset(browser);

        String id = api.get("/api/v1/sessions?profile=" + profile).json().get(0).get("id").asString();
        JsonNode failed = await(id, "FAILED", Duration.ofSeconds(30));
        long failedAt = System.nanoTime();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
                .visibilityOfElementLocated(By.id("play-retry")));
        assertThat(Duration.ofNanos(System.nanoTime() - failedAt)).as("the failure shows at once")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(browser.find("#play-reason").getText()).startsWith("It did not work: ")
                .contains(failed.get("reason").asString());
        assertThat(browser.find("#play-progress").isDisplayed()).isFalse();
        assertThat(browser.find("#play-steps li.failed").getText()).isEqualTo("Waiting for the stream host");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("play-retry");
        for (int[] size : Screens.SIZES) {
            Screens.size(browser, size[0], size[1]);
            Screens.shot(browser, "play-failed-" + size[0] + "x" + size[1]);
            assertThat(Screens.visibleWithoutScrolling(browser, "#play-retry")).isTrue();
        }
        Screens.reset(browser);

        // the cause is gone: Try again starts a new session, which gets there
        simulator.faults().clear();
        browser.find("#play-retry").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("play-ready")));
        assertThat(api.get("/api/v1/sessions?profile=" + profile).json().get(0).get("id").asString()).isNotEqualTo(id);
        browser.find("#play-end").click();
        assertThat(Screens.consoleErrors(browser)).isEmpty();
    }

    @Test
    void aPlayPageLeftOpenWithoutAStreamIsNotActivitySoTheSessionGoesIdleAndTheVmStops() {
        String profile = appliedProfile("left-on-");
        // longer than the old page's 30 s heartbeat, which kept such a session ACTIVE for ever
        settings(profile, "{\"idleTimeoutSeconds\": 35, \"graceSeconds\": 0}");
        browser.go("/play#token=" + device(profile));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
                .elementToBeClickable(By.cssSelector("#play-profile-buttons button"))).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("play-ready")));
        String id = api.get("/api/v1/sessions?profile=" + profile).json().get(0).get("id").asString();

        JsonNode ended = await(id, "ENDED", Duration.ofSeconds(60));
        assertThat(ended.get("reason").asString()).startsWith("no stream and no heartbeat");
        assertThat(ended.get("transitions").valueStream().map(t -> t.get("state").asString()))
                .as("the open page never made it ACTIVE").doesNotContain("ACTIVE");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver ->
                browser.find("#play-reason").getText().startsWith("Session ended: no stream"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!api.get("/api/v1/profiles/" + profile + "/status").json().get("power").asString().equals("stopped")) {
            assertThat(System.nanoTime()).as("the VM stops after the grace period").isLessThan(deadline);
            sleep(300);
        }
    }

    private JsonNode await(String id, String state, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode session = api.get("/api/v1/sessions/" + id).json();
        while (!session.get("state").asString().equals(state)) {
            assertThat(System.nanoTime()).as("session " + id + " reaches " + state + ": " + session)
                    .isLessThan(deadline);
            sleep(100);
            session = api.get("/api/v1/sessions/" + id).json();
        }
        return session;
    }

    private void settings(String profile, String json) {
        Api.Reply saved = api.put("/api/v1/profiles/" + profile + "/session-settings", json);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private String device(String profile) {
        Api.Reply created = api.post("/api/v1/devices", "{\"name\": \"tv-" + profile + "\", \"profiles\": [\""
                + profile + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asString();
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

    private static int seconds(String clock) {
        String[] parts = clock.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
