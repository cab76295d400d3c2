package io.rigplane.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Exact screen sizes (a TV, a laptop, a phone) through Chromium's device emulation, screenshots
 * under target/screenshots for a person to look at, and the layout checks a person would make.
 */
final class Screens {

    static final int[][] SIZES = {{1920, 1080}, {1440, 900}, {390, 844}};

    private Screens() {
    }

    static void size(Browser browser, int width, int height) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    static void reset(Browser browser) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    static void shot(Browser browser, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Words of the visible elements that the layout breaks over two lines ("whe n", "Deskto p"). */
    @SuppressWarnings("unchecked")
    static List<String> brokenWords(Browser browser, String css) {
        return (List<String>) browser.script("""
                const out = [];
                for (const el of document.querySelectorAll('%s')) {
                  if (!el.getClientRects().length) continue;
                  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                  let node;
                  while ((node = walker.nextNode())) {
                    // an address may wrap where it must on a phone; words may not
                    if (node.parentElement.closest('.play-uri')) continue;
                    const words = /\\S+/g;
                    let m;
                    while ((m = words.exec(node.data))) {
                      const range = document.createRange();
                      range.setStart(node, m.index);
                      range.setEnd(node, m.index + m[0].length);
                      const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0)
                        .map((r) => Math.round(r.top)));
                      if (lines.size > 1) out.push(m[0]);
                    }
                  }
                }
                return out;""".formatted(css));
    }

    /**
     * Console errors but Chromium's line for each 400 of the token endpoint: RFC 8628 answers
     * "not yet" (authorization_pending) with a 400, and the TV asks until it is approved.
     */
    static List<String> consoleErrors(Browser browser) {
        return browser.consoleErrors().stream()
                .filter(error -> !(error.contains("/api/v1/device-authorization/token") && error.contains("400")))
                .toList();
    }

    /** Whether the element is on the screen as it opens, without scrolling. */
    static boolean visibleWithoutScrolling(Browser browser, String css) {
        return (Boolean) browser.script("""
                window.scrollTo(0, 0);
                const el = document.querySelector('%s');
                if (!el || !el.getClientRects().length) return false;
                const r = el.getBoundingClientRect();
                return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;"""
                .formatted(css));
    }

    /** Whether the page is wider than the screen (a phone would scroll sideways). */
    static boolean overflowsSideways(Browser browser) {
        return (Boolean) browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }
}
