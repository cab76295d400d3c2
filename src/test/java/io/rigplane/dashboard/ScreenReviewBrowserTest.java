package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What the screenshot review of every page at 1440×900, 390×844 and 1920×1080 found (docs/dashboard.md),
 * each checked the way a person looking at the page would see it: text cut off or broken mid-word,
 * a number split from its unit, a phone's row label lying over its value, crowded chart ticks, an
 * error the sign-in page shows unasked, a figure named twice.
 */
@IntegrationTest
class ScreenReviewBrowserTest {

    private static final int PHONE = 390;

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    Browser browser;

    Api api;

    @BeforeEach
    void open() throws IOException {
        api = Api.at(port);
        browser = Browser.shared(port);
    }

    @AfterEach
    void wide() {
        Screens.reset(browser);
    }

    @Test
    void theAuditLogKeepsALongDetailInsideThePageAtEverySize() {
        // a Proxmox refusal quoted whole: one long run of characters with no space to break at
        String action = "review.long-detail-" + UUID.randomUUID().toString().substring(0, 8);
        audit.record(Actor.schedule("review"), action, "profile:review", AuditOutcome.FAILURE,
                "proxmox answered 500 for /api2/json/nodes/srv02/qemu/100/config?digest="
                        + "0123456789abcdef".repeat(8) + "&delete=hostpci0,hostpci1,hostpci2,efidisk0,tpmstate0");
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        SoftAssertions soft = new SoftAssertions();

        for (int[] size : Screens.SIZES) {
            String at = size[0] + "x" + size[1];
            Screens.size(browser, size[0], size[1]);
            browser.go("/audit?action=" + action);
            soft.assertThat(browser.all("#audit tbody tr")).as(at + ": the event is listed").hasSize(1);
            soft.assertThat((Boolean) browser.script("""
                    const wrap = document.querySelector('#audit').parentElement;
                    return wrap.scrollWidth > wrap.clientWidth + 1;""")).as(at + ": the table scrolls sideways").isFalse();
            soft.assertThat(Screens.overflowsSideways(browser)).as(at + ": the page is wider than the screen").isFalse();
        }
        soft.assertAll();
    }

    @Test
    void theSignInPageShowsOnlyTheErrorItWasSentWith() {
        browser.go("/login");
        assertThat(browser.all(".error")).as("no error unasked").isEmpty();
        browser.go("/login?sso-failed");
        assertThat(browser.all(".error")).extracting(WebElement::getText)
                .singleElement().asString().startsWith("Single sign-on did not work out");
        browser.go("/login?local-off");
        assertThat(browser.all(".error")).extracting(WebElement::getText)
                .singleElement().asString().startsWith("Signing in with a password is turned off");
    }

    @Test
    void sessionAndOperationPagesKeepTheirFactsWholeTheirUnitsAttachedAndTheirPhoneLabelsClear() {
        String name = appliedProfile("review-");
        Api.Reply opened = api.post("/api/v1/sessions", "{\"profile\": \"" + name + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        String session = opened.json().get("id").asString();
        awaitSession(session, List.of("READY", "ACTIVE"));
        String operation = api.get("/api/v1/operations?target=" + name + "&size=1").json().get("items").get(0)
                .get("id").asString();
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        // every finding is reported, not only the first
        SoftAssertions soft = new SoftAssertions();

        for (int[] size : Screens.SIZES) {
            String at = size[0] + "x" + size[1];
            Screens.size(browser, size[0], size[1]);
            for (String page : List.of("/sessions/" + session, "/operations/" + operation)) {
                browser.go(page);
                soft.assertThat(cutOff(".facts dd")).as(at + " " + page + ": facts cut off").isEmpty();
                soft.assertThat(Screens.brokenWords(browser, "#session-who")).as(at + " " + page
                        + ": the requester broken mid-word").isEmpty();
            }
            soft.assertThat((String) browser.script("const e = document.getElementById('operation-submitted');"
                    + " return e ? e.textContent.trim() : 'no #operation-submitted';")).as(at)
                    .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        }

        assertThat(api.delete("/api/v1/sessions/" + session).status()).isIn(200, 202, 204);
        awaitSession(session, List.of("ENDED"));
        Screens.size(browser, 1440, 900);
        browser.go("/sessions/" + session);
        soft.assertThat(splitOverLines("#session-transitions td:nth-child(3)")).as("durations after each step").isEmpty();
        browser.go("/sessions");
        soft.assertThat(splitOverLines("#session-history td.duration, #session-history td.to-ready"))
                .as("durations in the history").isEmpty();

        Screens.size(browser, PHONE, 844);
        for (String page : List.of("/", "/sessions", "/sessions/" + session, "/operations")) {
            browser.go(page);
            soft.assertThat(labelsOverValues()).as(page + " on a phone: labels lying over values").isEmpty();
        }
        browser.go("/sessions/" + session);
        soft.assertThat(Screens.brokenWords(browser, "#session-transitions td:first-child"))
                .as("a phone: states broken mid-word (WAITING_FOR_STREAM_H / OST)").isEmpty();
        soft.assertAll();
    }

    @Test
    void snapshotDatesLayerBadgesAndTheTimelinesTicksReadWhole() {
        String name = appliedProfile("review-snap-");
        Api.Reply policy = api.put("/api/v1/profiles/" + name + "/snapshot-policy", """
                {"policies": [{"label": "daily", "cron": "0 3 * * *", "timeZone": "UTC", "keep": 7}]}""");
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        Api.Reply taken = api.post("/api/v1/profiles/" + name + "/snapshots", "{\"name\": \"before-driver-update\"}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(202);
        api.awaitOperation(taken.json().get("id").asString(), Duration.ofSeconds(60));
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        SoftAssertions soft = new SoftAssertions();

        for (int[] size : Screens.SIZES) {
            String at = size[0] + "x" + size[1];
            Screens.size(browser, size[0], size[1]);
            browser.go("/profiles/" + name + "/snapshots");
            soft.assertThat(Screens.brokenWords(browser, "#next-runs dd")).as(at + ": next run dates").isEmpty();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> browser.script(
                    "return !!Chart.getChart(document.getElementById('snapshot-chart'))") == Boolean.TRUE);
            soft.assertThat(overlappingTicks("snapshot-chart")).as(at + ": timeline ticks lying over one another").isEmpty();
            browser.go("/profiles/" + name);
            soft.assertThat(Screens.brokenWords(browser, ".layer")).as(at + ": layer badges").isEmpty();
        }
        soft.assertAll();
    }

    @Test
    void usageNamesEachTotalOnceItsFiltersLineUpAndPrewarmSettingsAreNotStretched() {
        String name = "review-use-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/profiles", body(name, "srv03")).status()).isEqualTo(201);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        SoftAssertions soft = new SoftAssertions();
        Screens.size(browser, 1440, 900);
        browser.go("/usage");
        List<String> totals = browser.all(".facts dt").stream().map(WebElement::getText).toList();
        soft.assertThat(totals).as("each total named once").doesNotHaveDuplicates();
        @SuppressWarnings("unchecked")
        List<Number> heights = (List<Number>) browser.script("return Array.from(document.querySelectorAll("
                + "'form.filters input, form.filters select')).map((e) => e.getBoundingClientRect().height)");
        assertThat(heights).hasSizeGreaterThanOrEqualTo(3);
        double tallest = heights.stream().mapToDouble(Number::doubleValue).max().orElseThrow();
        soft.assertThat(heights).as("the filter fields are one height").allSatisfy(height ->
                assertThat(height.doubleValue()).isGreaterThan(tallest - 2));

        browser.go("/profiles/" + name + "/prewarm");
        soft.assertThat(browser.find("#prewarm-form input[type=number], #prewarm-form select").getRect().getWidth())
                .as("a three-digit setting is not a full-width field").isLessThan(700);
        soft.assertAll();
    }

    /** The cells whose text is wider than the cell shows. */
    @SuppressWarnings("unchecked")
    private List<String> cutOff(String css) {
        return (List<String>) browser.script("""
                return Array.from(document.querySelectorAll('%s'))
                  .filter((e) => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1)
                  .map((e) => e.textContent.trim());""".formatted(css));
    }

    /** The cells whose text, short as it is, takes more than one line ("431" above "ms"). */
    @SuppressWarnings("unchecked")
    private List<String> splitOverLines(String css) {
        return (List<String>) browser.script("""
                return Array.from(document.querySelectorAll('%s')).filter((cell) => {
                  if (!cell.getClientRects().length || !cell.textContent.trim()) return false;
                  const range = document.createRange();
                  range.selectNodeContents(cell);
                  const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0)
                    .map((r) => Math.round(r.top)));
                  return lines.size > 1;
                }).map((cell) => cell.textContent.trim());""".formatted(css));
    }

    /**
     * On a phone each table cell is a line with its column's name before it: the name's box, as
     * wide and as tall as the page draws it, must not lie over any of the cell's own text.
     */
    @SuppressWarnings("unchecked")
    private List<String> labelsOverValues() {
        return (List<String>) browser.script("""
                const out = [];
                for (const td of document.querySelectorAll('table td[data-label]')) {
                  if (!td.getClientRects().length) continue;
                  const label = getComputedStyle(td, '::before');
                  if (label.content === 'none' || label.display === 'none') continue;
                  const probe = document.createElement('div');
                  for (const p of ['fontSize', 'fontWeight', 'fontFamily', 'lineHeight', 'overflowWrap', 'wordBreak',
                                   'width', 'paddingLeft', 'paddingRight', 'boxSizing', 'letterSpacing']) {
                    probe.style[p] = label[p];
                  }
                  probe.style.position = 'absolute';
                  probe.style.visibility = 'hidden';
                  probe.textContent = td.dataset.label;
                  document.body.appendChild(probe);
                  const size = probe.getBoundingClientRect();
                  probe.remove();
                  const box = td.getBoundingClientRect();
                  const left = box.left + (parseFloat(label.left) || 0);
                  const top = box.top + (parseFloat(label.top) || 0);
                  const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
                  let node;
                  while ((node = walker.nextNode())) {
                    if (!node.data.trim()) continue;
                    const range = document.createRange();
                    range.selectNodeContents(node);
                    for (const r of range.getClientRects()) {
                      if (r.width === 0) continue;
                      const across = r.left < left + size.width - 1 && r.right > left + 1;
                      const down = r.top < top + size.height - 1 && r.bottom > top + 1;
                      if (across && down) out.push(td.dataset.label + ': ' + node.data.trim());
                    }
                  }
                  if (box.bottom < top + size.height - 1) out.push(td.dataset.label + ' is taller than its line');
                }
                return out;""");
    }

    /** Neighbouring tick labels of the chart's time axis that overlap, as drawn. */
    @SuppressWarnings("unchecked")
    private List<String> overlappingTicks(String canvasId) {
        return (List<String>) browser.script("""
                const chart = Chart.getChart(document.getElementById('%s'));
                const scale = chart.scales.x;
                const items = scale.getLabelItems();
                const out = [];
                for (let i = 1; i < items.length; i++) {
                  const a = items[i - 1], b = items[i];
                  chart.ctx.font = (a.font || scale._resolveTickFontOptions(0)).string;
                  const wa = chart.ctx.measureText(String(a.label)).width;
                  const wb = chart.ctx.measureText(String(b.label)).width;
                  const gap = b.options.translation[0] - a.options.translation[0];
                  if (gap < (wa + wb) / 2 + 4) out.push(a.label + ' / ' + b.label);
                }
                return out;""".formatted(canvasId));
    }

    private void awaitSession(String id, List<String> states) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode session = api.get("/api/v1/sessions/" + id).json();
        while (!states.contains(session.get("state").asString())) {
            assertThat(System.nanoTime()).as("session " + id + " reaches " + states + ": " + session)
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            session = api.get("/api/v1/sessions/" + id).json();
        }
    }

    private String appliedProfile(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", body(name, "srv02"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Reply applied = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        JsonNode done = api.awaitOperation(applied.json().get("id").asString(), Duration.ofSeconds(60));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return name;
    }

    private static String body(String name, String node) {
        return """
                {"name": "%s", "node": "%s", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "shutdownTimeoutSeconds": 5}""".formatted(name, node);
    }
}
