package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin registers a thin client in a real browser, gets its token once with a QR code of the
 * play link for a phone, changes its profiles and revokes it; under the strict CSP.
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
    void anAdminRegistersADeviceScansItsCodeOnceRebindsAndRevokesIt() throws Exception {
        Api api = Api.at(port);
        createProfile(api, "browser-couch");
        createProfile(api, "browser-desk");
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);

        browser.go("/devices");
        browser.type("#new-device-form input[name=name]", "Couch tablet");
        browser.find("#new-device-form input[value=browser-couch]").click();
        browser.submit("#new-device-form button[type=submit]");

        String token = browser.find("#new-token").getAttribute("value");
        assertThat(token).startsWith("rgd_");
        String link = "http://localhost:" + port + "/play#token=" + token;
        assertThat(browser.find("#play-link").getAttribute("href")).isEqualTo(link);
        assertThat(browser.all("#new-device .qr-code svg path")).hasSize(1);
        assertThat(darkModules(browser.find("#new-device .qr-code svg path").getAttribute("d")))
                .as("the code drawn is the link's code")
                .isEqualTo(darkModules(QrCode.encodeText(link, QrCode.Ecc.MEDIUM)));
        assertThat(browser.find("tr[data-device='Couch tablet']").getText()).contains("browser-couch", "active");
        assertThat(api.withToken(token).get("/api/v1/devices/me").status()).isEqualTo(200);
        screenshot("devices-new.png");

        browser.go("/devices");
        assertThat(browser.all("#new-token")).as("the token is shown once").isEmpty();
        assertThat(browser.all(".qr-code")).isEmpty();

        browser.find("tr[data-device='Couch tablet'] details.bindings summary").click();
        browser.find("tr[data-device='Couch tablet'] details.bindings input[value=browser-couch]").click();
        browser.find("tr[data-device='Couch tablet'] details.bindings input[value=browser-desk]").click();
        browser.submit("tr[data-device='Couch tablet'] details.bindings button[type=submit]");
        assertThat(browser.find(".flash").getText()).contains("may now stream browser-desk");
        assertThat(api.withToken(token).get("/api/v1/devices/me").json().get("profiles").toString())
                .isEqualTo("[\"browser-desk\"]");

        browser.confirm("tr[data-device='Couch tablet'] button.danger");
        assertThat(browser.find(".flash").getText()).contains("Revoked");
        assertThat(browser.find("tr[data-device='Couch tablet']").getAttribute("data-state")).isEqualTo("revoked");
        assertThat(browser.all("tr[data-device='Couch tablet'] button.danger")).isEmpty();
        assertThat(api.withToken(token).get("/api/v1/devices/me").status()).isEqualTo(401);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theNewDevicesQrCodeHasAFixedMaxSizeAndShrinksToAPhonesWidth() {
        Api api = Api.at(port);
        createProfile(api, "qr-size-pc");
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        browser.go("/devices");
        browser.type("#new-device-form input[name=name]", "QR size tablet");
        browser.find("#new-device-form input[value=qr-size-pc]").click();
        browser.submit("#new-device-form button[type=submit]");
        browser.find("#new-device .qr-code svg");
        try {
            // a small phone (320), a usual one (390), a laptop and a TV
            for (int[] size : new int[][] {{320, 568}, {390, 844}, {1440, 900}, {1920, 1080}}) {
                Screens.size(browser, size[0], size[1]);
                String at = size[0] + "x" + size[1];
                @SuppressWarnings("unchecked")
                java.util.Map<String, Number> box = (java.util.Map<String, Number>) browser.script("""
                        const qr = document.querySelector('#new-device .qr-code svg').getBoundingClientRect();
                        const panel = document.getElementById('new-device');
                        const inner = panel.getBoundingClientRect();
                        const pad = parseFloat(getComputedStyle(panel).paddingRight);
                        return {width: qr.width, height: qr.height, right: qr.right, room: inner.right - pad,
                                page: document.documentElement.scrollWidth};""");
                double width = box.get("width").doubleValue();
                assertThat(box.get("height").doubleValue()).as(at + ": square").isCloseTo(width,
                        org.assertj.core.data.Offset.offset(1.0));
                assertThat(width).as(at + ": big enough to scan").isGreaterThanOrEqualTo(180);
                assertThat(width).as(at + ": not a poster").isLessThanOrEqualTo(288);
                assertThat(box.get("right").doubleValue()).as(at + ": inside its panel")
                        .isLessThanOrEqualTo(box.get("room").doubleValue() + 0.5);
                assertThat(box.get("page").intValue()).as(at + ": no sideways scrolling").isLessThanOrEqualTo(size[0]);
                Screens.shot(browser, "devices-qr-" + at);
            }
        } finally {
            Screens.reset(browser);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** The dark modules of a drawn code, one {@code M x,y} move each, shifted back by the quiet zone. */
    private static Set<String> darkModules(String svgPath) {
        Set<String> modules = new HashSet<>();
        Matcher move = Pattern.compile("M(\\d+),(\\d+)").matcher(svgPath);
        while (move.find()) {
            modules.add((Integer.parseInt(move.group(1)) - 4) + "," + (Integer.parseInt(move.group(2)) - 4));
        }
        return modules;
    }

    private static Set<String> darkModules(QrCode code) {
        Set<String> modules = new HashSet<>();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    modules.add(x + "," + y);
                }
            }
        }
        return modules;
    }

    private static void createProfile(Api api, String name) {
        assertThat(api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 8192,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 100, "role": "system"}]}"""
                .formatted(name)).status()).isEqualTo(201);
    }

    private void screenshot(String name) throws Exception {
        byte[] shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", name), shot);
    }
}
