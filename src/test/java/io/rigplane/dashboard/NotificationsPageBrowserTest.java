package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.notification.Listener;
import io.rigplane.notification.NotificationTest;
import io.rigplane.operation.OperationFailed;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

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

    @Test
    void anAdminAddsEditsTestsPausesAndDeletesATargetWithTheFormAndNeverSeesItsSecretAgain() throws Exception {
        Api api = Api.at(port);
        String name = "form-hook-" + UUID.randomUUID().toString().substring(0, 6);
        String secret = "form-secret-" + UUID.randomUUID();
        try (Listener listener = Listener.start()) {
            Browser browser = Browser.shared(port);
            browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
            browser.go("/notifications");
            browser.submit("#new-target");
            assertThat(browser.find("h1").getText()).isEqualTo("New notification target");

            // broken: every rule it breaks is shown at its field, what was typed stays but the secret
            browser.type("#name", name);
            browser.type("#url", "not a url");
            browser.find("#target-events input[value='operation.failed']").click();
            browser.submit("#save-target");
            assertThat(browser.find(".field-error[data-field=url]").getText()).contains("http or https URL");
            assertThat(browser.find(".field-error[data-field=secret]").getText()).contains("needs a secret");
            assertThat(browser.find("#name").getAttribute("value")).isEqualTo(name);
            assertThat(browser.find("#target-events input[value='operation.failed']").isSelected()).isTrue();
            screenshot(browser, "notifications-form-errors.png");

            browser.type("#url", listener.url("/form-hook"));
            browser.type("#secret", secret);
            browser.find("#target-events input[value='drift.found']").click();
            browser.submit("#save-target");
            assertThat(browser.find(".flash").getText()).isEqualTo("Added webhook target " + name + ".");
            String row = "tr[data-target='" + name + "']";
            assertThat(browser.find(row).getText()).contains("webhook", "operation.failed", "drift.found");
            assertThat(browser.driver().getPageSource()).doesNotContain(secret);
            JsonNode stored = targetNamed(api, name);
            assertThat(stored.get("hasSecret").asBoolean()).isTrue();
            assertThat(stored.get("events").toString()).isEqualTo("[\"operation.failed\",\"drift.found\"]");

            browser.submit(row + " form[action$='/test'] button");
            assertThat(browser.find(".flash").getText()).contains("Test sent to " + name, "HTTP 200");
            Listener.Received signed = listener.await("/form-hook", 1, Duration.ofSeconds(10)).get(0);
            assertThat(signed.headers().get("x-rigplane-signature")).isEqualTo("sha256=" + hmac(signed.body(), secret));

            // edit: the stored secret is kept when the field stays empty, and is not in the form
            browser.submit(row + " a[href$='/" + stored.get("id").asString() + "']");
            assertThat(browser.find("h1").getText()).isEqualTo("Edit " + name);
            assertThat(browser.find("#secret").getAttribute("value")).isEmpty();
            assertThat(browser.find("#secret").getAttribute("placeholder")).contains("leave empty to keep");
            assertThat(browser.driver().getPageSource()).doesNotContain(secret);
            assertThat(browser.find("#target-events input[value='drift.found']").isSelected()).isTrue();
            new Select(browser.find("#kind")).selectByValue("ntfy");
            browser.type("#url", listener.url("/form-ntfy/lab-alerts"));
            new Select(browser.find("#priority")).selectByValue("4");
            browser.type("#tags", "computer, warning");
            browser.find("#target-events input[value='drift.found']").click();
            browser.submit("#save-target");
            assertThat(browser.find(".flash").getText()).isEqualTo("Saved ntfy target " + name + ".");
            JsonNode edited = targetNamed(api, name);
            assertThat(edited.get("kind").asString()).isEqualTo("ntfy");
            assertThat(edited.get("priority").asInt()).isEqualTo(4);
            assertThat(edited.get("tags").toString()).isEqualTo("[\"computer\",\"warning\"]");
            assertThat(edited.get("events").toString()).isEqualTo("[\"operation.failed\"]");
            browser.submit(row + " form[action$='/test'] button");
            Listener.Received ntfy = listener.await("/form-ntfy/", 1, Duration.ofSeconds(10)).get(0);
            assertThat(ntfy.json().get("topic").asString()).isEqualTo("lab-alerts");
            assertThat(ntfy.json().get("priority").asInt()).isEqualTo(4);
            assertThat(ntfy.headers().get("authorization")).as("the kept secret").isEqualTo("Bearer " + secret);

            // paused from the form, marked on the list, resumed from the list
            browser.submit(row + " a[href$='/" + stored.get("id").asString() + "']");
            browser.find("#paused1").click();
            browser.submit("#save-target");
            assertThat(browser.find(row).getAttribute("data-state")).isEqualTo("PAUSED");
            assertThat(browser.find(row + " .notify-paused").getText()).isEqualTo("paused");
            assertThat(browser.find(row).getText()).contains("paused by admin");
            screenshot(browser, "notifications-form-paused.png");
            browser.submit(row + " form[action$='/resume'] button");
            assertThat(browser.find(row).getAttribute("data-state")).isEqualTo("ACTIVE");

            // delete asks first; Cancel keeps it
            browser.find(row + " form[action$='/delete'] button").click();
            assertThat(browser.find("#confirm-question").getText()).isEqualTo("Delete " + name + "?");
            browser.find("#confirm-no").click();
            assertThat(targetNamed(api, name)).isNotNull();
            browser.confirm(row + " form[action$='/delete'] button");
            assertThat(browser.find(".flash").getText()).isEqualTo("Deleted " + name + ".");
            assertThat(browser.all(row)).isEmpty();
            assertThat(api.get("/api/v1/notifications/targets/" + stored.get("id").asString()).status()).isEqualTo(404);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static JsonNode targetNamed(Api api, String name) {
        for (JsonNode target : api.get("/api/v1/notifications/targets").json()) {
            if (target.get("name").asString().equals(name)) {
                return target;
            }
        }
        throw new AssertionError("no target " + name);
    }

    private static String hmac(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
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
