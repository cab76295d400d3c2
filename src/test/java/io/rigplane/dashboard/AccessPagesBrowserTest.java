package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.IntegrationTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin makes a user and a token in a real browser, under the strict CSP. */
@IntegrationTest
class AccessPagesBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    WebDriver browser;
    Path profile;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: install chromium and chromium-driver (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("rigplane-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminMakesAUserAndAToken() throws Exception {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys(IntegrationTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        browser.findElement(By.linkText("Users")).click();
        browser.findElement(By.cssSelector("#new-user input[name=username]")).sendKeys("browser-op");
        browser.findElement(By.cssSelector("#new-user input[name=password]")).sendKeys("browser password 1");
        new Select(browser.findElement(By.cssSelector("#new-user select[name=role]"))).selectByVisibleText("operator");
        browser.findElement(By.cssSelector("#new-user button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("Created user browser-op");
        assertThat(browser.findElement(By.cssSelector("tr[data-user=browser-op]")).getText()).isNotEmpty();

        browser.findElement(By.linkText("Tokens")).click();
        browser.findElement(By.cssSelector("#new-token-form input[name=name]")).sendKeys("browser token");
        browser.findElement(By.cssSelector("#new-token-form input[value=POWER]")).click();
        browser.findElement(By.cssSelector("#new-token-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("new-token")).getAttribute("value")).startsWith("rgp_");
        saveScreenshot("tokens");

        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("new-token"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("tr[data-token='browser token']")).getText()).contains("power");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .noneMatch(message -> message.contains("Content Security Policy"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void saveScreenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(shot.toPath(), target.resolve("access-" + name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
