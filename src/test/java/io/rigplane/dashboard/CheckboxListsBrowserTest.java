package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Checkbox lists put each box on the line of its label, at its left, on a desktop and a phone. */
@IntegrationTest
class CheckboxListsBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.shared(port);
        Api api = Api.at(port);
        String name = "check-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name)).status()).isEqualTo(201);
    }

    @Test
    void tokenScopesAndDeviceProfilesSitBesideTheirLabels() {
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(390, 844))) {
            browser.driver().manage().window().setSize(size);
            browser.go("/tokens");
            assertInline("#new-token-form label.check");
            browser.go("/devices");
            assertInline("#new-device-form label.check");
        }
    }

    private void assertInline(String css) {
        List<WebElement> labels = browser.all(css);
        assertThat(labels).as(css).isNotEmpty();
        for (WebElement label : labels) {
            Rectangle box = label.findElement(By.cssSelector("input[type=checkbox]")).getRect();
            Rectangle text = label.findElement(By.cssSelector("span")).getRect();
            String what = css + " " + label.getText();
            assertThat(box.getX() + box.getWidth()).as(what + ": box left of its text").isLessThanOrEqualTo(text.getX());
            int boxMiddle = box.getY() + box.getHeight() / 2;
            assertThat(boxMiddle).as(what + ": box on the line of its text")
                    .isBetween(text.getY(), text.getY() + text.getHeight());
            assertThat(text.getX() - (box.getX() + box.getWidth())).as(what + ": box next to its text").isLessThan(24);
        }
    }
}
