package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A TV signs in without typing a token (RFC 8628), end to end in two real browsers: the TV's play
 * page shows a code and its QR code, an admin approves it on /devices/approve in a browser of their
 * own, the TV signs in by itself and plays; its READY screen fits a TV and a phone.
 */
@IntegrationTest
class DeviceSignInBrowserTest {

    /** The texts of the play page that must never break inside a word. */
    private static final String TEXTS = "h1, h2, #play-steps li, #play-progress, .play-hint, .play-error, "
            + ".play-facts dt, #play-app, #play-host, .play-button, .play-user-code";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Browser tv;
    Browser admin;
    Api api;

    @BeforeEach
    void open() throws IOException {
        api = Api.at(port);
        tv = Browser.shared(port);
        tv.go("/play");
        tv.script("localStorage.clear()");
        // every browser here asks for codes from 127.0.0.1; the limit itself is ThrottlingTest's
        jdbc.update("delete from auth_failure where key like 'rate:%'");
    }

    @AfterEach
    void close() throws IOException {
        Screens.reset(tv);
        // a play page left open would go on asking for sign-in codes while later tests count rows
        tv.driver().get("about:blank");
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void aTvShowsACodeAnAdminApprovesItElsewhereAndTheTvSignsInByItselfAndPlays() throws IOException {
        String profile = appliedProfile("couch-");
        tv.go("/play");
        String code = awaitCode();
        assertThat(tv.find("#play-verify-uri").getText()).isEqualTo("http://localhost:" + port + "/devices/approve");
        new WebDriverWait(tv.driver(), Duration.ofSeconds(10)).until(driver ->
                ((Number) tv.script("return document.getElementById('play-code-qr').naturalWidth")).intValue() > 0);
        assertThat(tv.find("#play-code-qr").getAttribute("src"))
                .contains("/play/qr?data=" + java.net.URLEncoder.encode("http://localhost:" + port
                        + "/devices/approve?code=" + code, java.nio.charset.StandardCharsets.UTF_8));
        for (int[] size : Screens.SIZES) {
            Screens.size(tv, size[0], size[1]);
            Screens.shot(tv, "play-code-" + size[0] + "x" + size[1]);
            assertThat(Screens.brokenWords(tv, TEXTS)).as("words broken at " + size[0]).isEmpty();
            assertThat(Screens.visibleWithoutScrolling(tv, "#play-user-code")).as("the code at " + size[0]).isTrue();
            assertThat(Screens.overflowsSideways(tv)).as("sideways at " + size[0]).isFalse();
        }
        Screens.reset(tv);

        // the admin scans the QR code with a phone: their own browser, signed in to the dashboard
        admin = Browser.open(port);
        admin.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        admin.driver().get("http://localhost:" + port + "/devices/approve?code=" + code);
        assertThat(admin.find("#approve-code").getAttribute("value")).isEqualTo(code);
        // the TV's address: "localhost" is IPv4 or IPv6 loopback, as the resolver likes
        assertThat(admin.find("#approve-request").getText()).containsAnyOf("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
        for (int[] size : Screens.SIZES) {
            Screens.size(admin, size[0], size[1]);
            Screens.shot(admin, "devices-approve-" + size[0] + "x" + size[1]);
            assertThat(Screens.overflowsSideways(admin)).as("sideways at " + size[0]).isFalse();
        }
        Screens.reset(admin);
        String name = "tv-" + UUID.randomUUID().toString().substring(0, 8);
        admin.type("#approve-name", name);
        admin.find("input[name=profiles][value='" + profile + "']").click();
        admin.submit("#approve-yes");
        assertThat(admin.find("#approve-message").getText()).contains("signs in as " + name).contains(profile);

        // the TV polls every 5 s and signs in by itself
        new WebDriverWait(tv.driver(), Duration.ofSeconds(20)).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("#play-profile-buttons button")));
        assertThat(tv.find("#play-device").getText()).isEqualTo(name);
        assertThat((String) tv.script("return localStorage.getItem('rigplane.deviceToken')")).startsWith("rgd_");
        assertThat(api.get("/api/v1/audit?action=device-authorization.approve").body()).contains("device:" + name);

        tv.find("#play-profile-buttons button").click();
        new WebDriverWait(tv.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("play-ready")));
        JsonNode session = api.get("/api/v1/sessions?profile=" + profile).json().get(0);
        assertThat(session.get("device").asString()).isEqualTo(name);
        for (int[] size : Screens.SIZES) {
            Screens.size(tv, size[0], size[1]);
            Screens.shot(tv, "play-ready-" + size[0] + "x" + size[1]);
            assertThat(Screens.brokenWords(tv, TEXTS)).as("words broken at " + size[0]).isEmpty();
            assertThat(Screens.visibleWithoutScrolling(tv, "#play-end")).as("End session at " + size[0]).isTrue();
            assertThat(Screens.visibleWithoutScrolling(tv, "#play-artemis")).as("the link at " + size[0]).isTrue();
            assertThat(Screens.overflowsSideways(tv)).as("sideways at " + size[0]).isFalse();
        }
        Screens.reset(tv);
        tv.find("#play-end").click();
        new WebDriverWait(tv.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("play-back")));
        assertThat(Screens.consoleErrors(tv)).isEmpty();
    }

    @Test
    void aDeniedCodeIsShownOnTheTvWithANewCodeOneButtonAway() throws IOException {
        tv.go("/play");
        String code = awaitCode();
        // the admin in a second tab of the same browser: the TV's tab goes on polling meanwhile
        String tvTab = tv.driver().getWindowHandle();
        tv.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        tv.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        tv.go("/devices/approve");
        tv.type("#approve-code", code.toLowerCase());
        tv.submit("#approve-deny");
        assertThat(tv.find("#approve-message").getText()).startsWith("Denied");
        tv.driver().close();
        tv.driver().switchTo().window(tvTab);

        new WebDriverWait(tv.driver(), Duration.ofSeconds(20)).until(ExpectedConditions
                .visibilityOfElementLocated(By.id("play-new-code")));
        assertThat(tv.find("#play-code-state").getText()).contains("denied");
        assertThat(tv.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("play-new-code");
        tv.find("#play-new-code").click();
        new WebDriverWait(tv.driver(), Duration.ofSeconds(10)).until(driver ->
                !tv.find("#play-user-code").getText().equals(code)
                        && tv.find("#play-user-code").getText().matches("[A-Z]{4}-[A-Z]{4}"));
        assertThat(Screens.consoleErrors(tv)).isEmpty();
    }

    private String awaitCode() {
        new WebDriverWait(tv.driver(), Duration.ofSeconds(15)).until(driver ->
                tv.find("#play-user-code").getText().matches("[A-Z]{4}-[A-Z]{4}"));
        return tv.find("#play-user-code").getText();
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
}
