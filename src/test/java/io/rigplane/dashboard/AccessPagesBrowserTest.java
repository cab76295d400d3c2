package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin makes a user and a token in a real browser, under the strict CSP. */
@IntegrationTest
class AccessPagesBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.shared(port);
    }

    @Test
    void anAdminMakesAUserAndATokenThatIsShownOnce() throws Exception {
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);

        browser.go("/users");
        browser.type("#new-user input[name=username]", "browser-op");
        browser.type("#new-user input[name=password]", "browser password 1");
        new Select(browser.find("#new-user select[name=role]")).selectByVisibleText("operator");
        browser.submit("#new-user button[type=submit]");
        assertThat(browser.find(".flash").getText()).contains("Created user browser-op");
        assertThat(browser.all("tr[data-user=browser-op]")).hasSize(1);

        browser.go("/tokens");
        browser.type("#new-token-form input[name=name]", "browser token");
        browser.find("#new-token-form input[value=POWER]").click();
        browser.submit("#new-token-form button[type=submit]");
        assertThat(browser.find("#new-token").getAttribute("value")).startsWith("rgp_");
        byte[] shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "access-tokens.png"), shot);

        browser.go("/tokens");
        assertThat(browser.all("#new-token")).isEmpty();
        assertThat(browser.find("tr[data-token='browser token']").getText()).contains("power");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
