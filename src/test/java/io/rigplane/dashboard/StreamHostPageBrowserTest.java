package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The stream-host form of a profile, in a real headless Chromium: the password goes in and never comes out. */
@IntegrationTest
class StreamHostPageBrowserTest {

    private static final String PASSWORD = "apollo-form-password-5d1e";

    @LocalServerPort
    int port;

    @Test
    void anAdminSetsTheAppAndTheLoginFromTheProfilePage() throws IOException {
        Api api = Api.at(port);
        String name = "sh-page-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name)).status()).isEqualTo(201);
        Browser browser = Browser.shared(port);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);

        browser.go("/profiles/" + name);
        browser.submit("#stream-host-link");
        assertThat(browser.path()).isEqualTo("/profiles/" + name + "/stream-host");
        assertThat(browser.find("#stream-host-credentials").getText()).contains("Demo mode");
        browser.find("#stream-host-app").clear();
        browser.type("#stream-host-app", "Steam Big Picture");
        browser.type("#stream-host-username", "rigplane");
        browser.type("#stream-host-password", PASSWORD);
        browser.submit("#stream-host-save");

        assertThat(browser.path()).isEqualTo("/profiles/" + name + "/stream-host");
        assertThat(browser.find(".flash").getText()).contains("Saved");
        assertThat(browser.find("#stream-host-app").getAttribute("value")).isEqualTo("Steam Big Picture");
        assertThat(browser.find("#stream-host-password").getAttribute("value")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(PASSWORD);
        JsonNode saved = api.get("/api/v1/profiles/" + name + "/stream-host").json();
        assertThat(saved.get("username").asString()).isEqualTo("rigplane");
        assertThat(saved.get("passwordSet").asBoolean()).isTrue();

        browser.find("#stream-host-port").clear();
        browser.type("#stream-host-port", "80");
        browser.script("document.getElementById('stream-host-port').removeAttribute('min')");
        browser.submit("#stream-host-save");
        assertThat(browser.find("#stream-host-errors").getText()).contains("httpPort: must be between 1029 and 65514");
        assertThat(api.get("/api/v1/profiles/" + name + "/stream-host").json().get("httpPort").asInt()).isEqualTo(47989);
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
