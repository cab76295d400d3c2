package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin registers a thin client in a real browser, gets its token once with a QR code of the
 * play link for a phone, and revokes it; under the strict CSP.
 */
@IntegrationTest
class DevicesPageBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.shared(port);
    }

    @Test
    void anAdminRegistersADeviceScansItsCodeOnceAndRevokesIt() throws Exception {
        Api api = Api.at(port);
        assertThat(api.post("/api/v1/profiles", """
                {"name": "browser-couch", "node": "srv03", "platform": "windows-11-gaming", "cores": 4,
                 "memoryMiB": 8192, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 100,
                 "role": "system"}]}""").status()).isEqualTo(201);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);

        browser.go("/devices");
        browser.type("#new-device-form input[name=name]", "Couch tablet");
        browser.find("#new-device-form input[value=browser-couch]").click();
        browser.submit("#new-device-form button[type=submit]");

        String token = browser.find("#new-token").getAttribute("value");
        assertThat(token).startsWith("rgd_");
        assertThat(browser.find("#play-link").getAttribute("href"))
                .isEqualTo("http://localhost:" + port + "/play#token=" + token);
        assertThat(browser.all("#new-device .qr-code svg path")).hasSize(1);
        assertThat(browser.find("#new-device .qr-code svg path").getAttribute("d").split("M").length)
                .as("modules of a version 4+ QR code").isGreaterThan(300);
        assertThat(browser.find("tr[data-device='Couch tablet']").getText()).contains("browser-couch", "active");
        assertThat(api.withToken(token).get("/api/v1/devices/me").status()).isEqualTo(200);
        screenshot("devices-new.png");

        browser.go("/devices");
        assertThat(browser.all("#new-token")).as("the token is shown once").isEmpty();
        assertThat(browser.all(".qr-code")).isEmpty();

        browser.submit("tr[data-device='Couch tablet'] button.danger");
        assertThat(browser.find(".flash").getText()).contains("Revoked");
        assertThat(browser.find("tr[data-device='Couch tablet']").getAttribute("data-state")).isEqualTo("revoked");
        assertThat(browser.all("tr[data-device='Couch tablet'] button.danger")).isEmpty();
        assertThat(api.withToken(token).get("/api/v1/devices/me").status()).isEqualTo(401);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void screenshot(String name) throws Exception {
        byte[] shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", name), shot);
    }
}
