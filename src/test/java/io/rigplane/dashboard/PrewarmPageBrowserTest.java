package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A profile's pre-warm page: the learned habit, the next warm-up, and the settings form. */
@IntegrationTest
class PrewarmPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    Api api;

    @BeforeEach
    void open() throws IOException {
        api = Api.at(port);
        browser = Browser.shared(port);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void showsTheLearnedHabitAndSavesAManualScheduleFromTheForm() {
        String name = "warm-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Instant habit = Instant.now().plus(Duration.ofHours(30));
        for (int week = 1; week <= 3; week++) {
            Instant at = habit.minus(Duration.ofDays(7L * week));
            jdbc.update("""
                    insert into stream_session (id, profile, actor_type, actor_name, client_name, state, created_at,
                        ready_at, ended_at) values (?, ?, 'USER', 'admin', 'tv', 'ENDED', ?, ?, ?)""",
                    UUID.randomUUID(), name, Timestamp.from(at), Timestamp.from(at.plusSeconds(50)),
                    Timestamp.from(at.plusSeconds(3600)));
        }
        browser.go("/profiles/" + name);
        browser.find("#prewarm-link").click();

        assertThat(browser.path()).isEqualTo("/profiles/" + name + "/prewarm");
        assertThat(browser.find("#prewarm-mode").getText()).isEqualTo("OFF");
        assertThat(browser.find("#prewarm-schedule").getText()).isEqualTo("learned");
        String day = habit.atZone(ZoneOffset.systemDefault()).getDayOfWeek().name();
        assertThat(browser.find("#prewarm-times tbody tr td:nth-child(1)").getText()).isEqualTo(day);
        assertThat(browser.find("#prewarm-times tbody tr td:nth-child(3)").getText()).isEqualTo("3 of 3");
        assertThat(browser.find("#prewarm-expected").getText())
                .startsWith(habit.atZone(ZoneOffset.systemDefault()).getDayOfWeek()
                        .getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        assertThat(browser.find("#prewarm-warmups").getText()).isEqualTo("0");

        new Select(browser.find("#prewarm-mode-select")).selectByValue("suggest");
        browser.type("#prewarm-manual", "sat 10:15\nSUNDAY 9:30");
        browser.submit("#prewarm-save");

        assertThat(browser.find(".flash").getText()).isEqualTo("Pre-warm settings saved.");
        assertThat(browser.find("#prewarm-mode").getText()).isEqualTo("SUGGEST");
        assertThat(browser.find("#prewarm-schedule").getText()).isEqualTo("manual");
        assertThat(browser.all("#prewarm-times tbody tr")).hasSize(2);
        assertThat(api.get("/api/v1/profiles/" + name + "/prewarm").json().get("settings").get("manual")
                .findValuesAsString("time")).containsExactly("10:15", "09:30");

        browser.type("#prewarm-manual", "someday 10:15");
        browser.submit("#prewarm-save");
        assertThat(browser.find(".flash").getText()).contains("Not saved").contains("'someday' is not a weekday");
        assertThat(browser.all("#prewarm-times tbody tr")).hasSize(2);
    }
}
