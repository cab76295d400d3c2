package io.rigplane.dashboard;

import io.rigplane.support.Prerequisites;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver; nothing is downloaded. Where no
 * Chromium is installed the tests fail under CI (which installs it) and skip elsewhere.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final Path profileDir;
    private final String base;

    private Browser(WebDriver driver, Path profileDir, String base) {
        this.driver = driver;
        this.profileDir = profileDir;
        this.base = base;
    }

    private static Browser shared;

    /**
     * One browser for every browser test of this JVM, signed out and reset for each test;
     * Chromium takes seconds to start, and the service under test is the same.
     */
    static synchronized Browser shared(int port) throws IOException {
        if (shared == null || !shared.base.endsWith(":" + port)) {
            if (shared != null) {
                shared.close();
            }
            shared = open(port);
            Browser browser = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    browser.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; its temporary profile folder goes with the machine's /tmp
                }
            }));
        }
        shared.reset();
        return shared;
    }

    static Browser open(int port) throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
            Prerequisites.missing("Chromium (" + CHROMIUM + ") or chromedriver (" + DRIVER
                    + "): install Debian's chromium and chromium-driver");
        }
        System.setProperty("SE_OFFLINE", "true");
        Path profileDir = Files.createTempDirectory("rigplane-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + profileDir);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return new Browser(driver, profileDir, "http://localhost:" + port);
    }

    /** A signed-out browser with a desktop window, as a new test expects it. */
    void reset() {
        driver.manage().deleteAllCookies();
        cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        cdp("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        driver.manage().logs().get(LogType.BROWSER);
    }

    /**
     * The page as a screen of this size shows it (a phone is 390 by 844): the layout viewport is
     * exactly that wide, whatever the headless window is.
     */
    void screen(int width, int height, boolean mobile) {
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** What prefers-color-scheme answers from now on: "light" or "dark". */
    void colorScheme(String scheme) {
        cdp("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Presses a button whose form asks first, answers yes in the dialog, and waits for the next page. */
    void confirm(String buttonCss) {
        find(buttonCss).click();
        WebElement yes = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-yes")));
        WebElement page = find("html");
        yes.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }

    private void cdp(String command, Map<String, Object> parameters) {
        ((ChromiumDriver) driver).executeCdpCommand(command, parameters);
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks and waits for the next page, so that later reads never see the old one. */
    void submit(String css) {
        WebElement page = find("html");
        find(css).click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
        } catch (org.openqa.selenium.WebDriverException e) {
            // Chromium sometimes reports the old page's node as gone this way: the page did change
            if (e.getMessage() == null || !e.getMessage().contains("does not belong to the document")) {
                throw e;
            }
        }
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void signIn(String user, String password) {
        go("/login");
        type("input[name=username]", user);
        type("input[name=password]", password);
        submit("button[type=submit]");
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** Console errors, which include every Content-Security-Policy violation. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("favicon.ico"))
                .toList();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profileDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
