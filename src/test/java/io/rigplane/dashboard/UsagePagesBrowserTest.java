package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The usage page draws what Rigplane recorded: hours per day as a chart, named on hover, and as a table. */
@IntegrationTest
@TestPropertySource(properties = "rigplane.usage.watts.srv03=250")
class UsagePagesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    Api api;

    @BeforeEach
    void open() throws IOException {
        api = Api.at(port);
        browser = Browser.shared(port);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void theChartShowsTheRecordedHoursPerDayNamesThemOnHoverAndTheTableHoldsTheSameFigures() {
        String name = "usage-page-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name)).status()).isEqualTo(201);
        LocalDate twoDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        operation("power-start", name, "USER", "admin", at(twoDaysAgo, "18:00"));
        operation("power-shutdown", name, "SCHEDULE", "session idle stop", at(twoDaysAgo, "22:30"));
        session(name, at(twoDaysAgo, "18:05"), at(twoDaysAgo, "18:10"), at(twoDaysAgo, "21:10"));

        browser.go("/profiles/" + name);
        browser.submit("#usage-link");
        assertThat(browser.path()).isEqualTo("/usage?profile=" + name);
        // the menu marks Usage as the current page (it sits under "More" on a wide screen)
        assertThat(browser.find("nav a.active[data-menu=usage]").getAttribute("textContent").trim()).isEqualTo("Usage");
        assertThat(browser.find(".usage-sums").getText()).contains("4.5 h powered on", "3.0 h streamed",
                "kWh used");

        WebElement row = browser.find("#usage-table-0 tr[data-date='" + twoDaysAgo + "']");
        assertThat(row.getAttribute("textContent").replaceAll("\\s+", " ").trim())
                .isEqualTo(twoDaysAgo + " 4.50 3.00 1.50 1.125");
        assertThat(browser.all("#usage-table-0 tbody tr")).hasSize(30);
        // the chart holds the table's figures, day by day
        @SuppressWarnings("unchecked")
        List<Number> on = (List<Number>) browser.script(
                "return Chart.getChart(document.getElementById('usage-chart-0')).data.datasets[0].data");
        assertThat(on).hasSize(30);
        assertThat(on.get(27).doubleValue()).isEqualTo(4.5);
        assertThat(on.stream().mapToDouble(Number::doubleValue).sum()).isEqualTo(4.5);

        assertThat(hover(27)).contains("Powered on: 4.5 h", "Streamed: 3 h");

        // a phone: the chart fits the screen and nothing scrolls sideways
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.go("/usage?profile=" + name);
        assertThat(((Number) browser.script("return document.getElementById('usage-chart-0').getBoundingClientRect().right"))
                .doubleValue()).isLessThanOrEqualTo(390);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        browser.driver().manage().window().setSize(new Dimension(1280, 900));

        browser.go("/usage?from=not-a-date");
        assertThat(browser.find("#usage-range-errors").getText()).contains("from: must be an ISO date");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Moves the mouse onto a day's bar and returns the lines of the tooltip Chart.js draws. */
    private String hover(int index) {
        WebElement canvas = browser.find("#usage-chart-0");
        browser.script("document.getElementById('usage-chart-0').scrollIntoView({block: 'center'})");
        Number x = (Number) browser.script("return Chart.getChart(document.getElementById('usage-chart-0'))"
                + ".getDatasetMeta(0).data[" + index + "].x");
        Rectangle box = canvas.getRect();
        new Actions(browser.driver()).moveToElement(canvas, (int) Math.round(x.doubleValue() - box.getWidth() / 2.0),
                box.getHeight() / 4).perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> browser.script(
                "const t = Chart.getChart(document.getElementById('usage-chart-0')).tooltip;"
                        + " return t.opacity > 0 && !!t.dataPoints && t.dataPoints.some(p => p.dataIndex === " + index + ")") == Boolean.TRUE);
        return (String) browser.script("const t = Chart.getChart(document.getElementById('usage-chart-0')).tooltip;"
                + " return t.body.map(b => b.lines.join(' ')).join('\\n')");
    }

    private static Instant at(LocalDate day, String time) {
        return Instant.parse(day + "T" + time + ":00Z");
    }

    private void operation(String kind, String target, String actorType, String actor, Instant finished) {
        jdbc.sql("""
                insert into operation (id, kind, target, params, state, actor_type, actor_name, summary, attempts,
                                       created_at, started_at, finished_at, updated_at)
                values (:id, :kind, :target, '{}', 'SUCCEEDED', :actorType, :actor, 'done', 1, :finished, :finished,
                        :finished, :finished)""")
                .param("id", UUID.randomUUID()).param("kind", kind).param("target", target)
                .param("actorType", actorType).param("actor", actor).param("finished", Timestamp.from(finished))
                .update();
    }

    private void session(String profile, Instant ready, Instant active, Instant lastActivity) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into stream_session (id, profile, actor_type, actor_name, client_name, state, created_at,
                                            ready_at, ended_at, last_activity_at)
                values (:id, :profile, 'USER', 'admin', 'tv', 'ENDED', :ready, :ready, :ended, :last)""")
                .param("id", id).param("profile", profile).param("ready", Timestamp.from(ready))
                .param("ended", Timestamp.from(lastActivity.plusSeconds(900))).param("last", Timestamp.from(lastActivity))
                .update();
        jdbc.sql("insert into stream_session_transition (session_id, state, at) values (:id, 'ACTIVE', :at)")
                .param("id", id).param("at", Timestamp.from(active)).update();
    }
}
