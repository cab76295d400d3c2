package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.notification.Listener;
import io.rigplane.notification.NotificationTest;
import io.rigplane.operation.OperationFailed;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/**
 * An admin sees in a real browser that a target which kept failing is paused and why, resumes it
 * (its queued notification then goes out) and sends a test; under the strict CSP.
 */
@NotificationTest
class NotificationsPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aPausedTargetSaysSoAndIsResumedAndTestedFromThePage() throws Exception {
        Api api = Api.at(port);
        try (Listener listener = Listener.start()) {
            listener.answer(500);
            String name = "browser-hook-" + UUID.randomUUID().toString().substring(0, 6);
            Api.Reply created = api.post("/api/v1/notifications/targets", """
                    {"name": "%s", "kind": "webhook", "url": "%s", "secret": "browser-secret"}"""
                    .formatted(name, listener.url("/browser")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();
            events.publishEvent(new OperationFailed(UUID.randomUUID(), "power-start", "browser-pc", "the task failed"));
            listener.await("/browser", 4, Duration.ofSeconds(30));
            awaitPaused(api, id);

            Browser browser = Browser.shared(port);
            browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
            browser.go("/notifications");
            String row = "tr[data-target='" + name + "']";
            assertThat(browser.find(row).getAttribute("data-state")).isEqualTo("PAUSED");
            assertThat(browser.find(row).getText()).contains("paused", "4 deliveries failed in a row", "HTTP 500");
            assertThat(browser.find("#notification-deliveries").getText())
                    .contains("Operation power-start on browser-pc failed", "PENDING", "HTTP 500");
            assertThat(browser.find("nav a[href='/notifications']").getAttribute("class")).contains("active");
            screenshot(browser, "notifications-paused.png");

            listener.answer(200);
            browser.submit(row + " form[action$='/resume'] button");
            assertThat(browser.find(".flash").getText()).contains("Resumed " + name, "1 queued");
            assertThat(browser.find(row).getAttribute("data-state")).isEqualTo("ACTIVE");
            listener.await("/browser", 5, Duration.ofSeconds(20));

            browser.submit(row + " form[action$='/test'] button");
            assertThat(browser.find(".flash").getText()).contains("Test sent to " + name, "HTTP 200");
            assertThat(browser.find("#notification-deliveries").getText()).contains("DELIVERED", "test");
            screenshot(browser, "notifications-resumed.png");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static void awaitPaused(Api api, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!api.get("/api/v1/notifications/targets/" + id).json().get("state").asString().equals("PAUSED")) {
            assertThat(System.nanoTime()).as("the target is paused in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        byte[] shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", name), shot);
    }
}
