package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Platforms in the dashboard: list, create through the form (fixing the errors it shows), a
 * profile whose config names the platform as a key's source, and moving a profile onto a platform.
 */
@IntegrationTest
class PlatformPagesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @BeforeEach
    void open() throws IOException {
        jdbc.update("delete from profile");
        // leaves first: other tests of this context may have left a chain of user platforms
        while (jdbc.update("delete from platform p where not p.built_in and not exists "
                + "(select 1 from platform child where child.extends_id = p.id)") > 0) {
            // the next round deletes the platforms these extended
        }
        browser = Browser.shared(port);
    }

    @Test
    void anAdminCreatesAPlatformAfterFixingTheErrorsAndAProfileNamesItAsASource() {
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        browser.go("/platforms");
        assertThat(browser.find("#platforms").getText()).contains("windows-11-gaming", "linux-workstation", "as-is");

        browser.submit("#new-platform");
        browser.type("#id", "gaming-pcid");
        new Select(browser.find("#parent")).selectByValue("windows-11-gaming");
        browser.type("#settings", "cpu=host,hidden=1,flags=+pcid\nargs=-no-reboot\nname=mine");
        browser.submit("#save-platform");

        assertThat(browser.find("[data-field=settings]").getText()).contains("settings.args", "root-only",
                "settings.name");
        assertThat(jdbc.queryForObject("select count(*) from platform where id = 'gaming-pcid'", Integer.class))
                .isZero();
        browser.type("#settings", "cpu=host,hidden=1,flags=+pcid");
        browser.submit("#save-platform");

        assertThat(browser.find("h1").getText()).isEqualTo("gaming-pcid");
        assertThat(browser.find("#platform-chain").getText()).isEqualTo("gaming-pcid over windows-11-gaming");
        assertThat(browser.find("tr[data-key=cpu] .value").getText()).isEqualTo("host,hidden=1,flags=+pcid");

        Api api = Api.at(port);
        assertThat(api.post("/api/v1/profiles", """
                {"name": "pcid-pc", "node": "srv02", "platform": "gaming-pcid", "cores": 8, "memoryMiB": 16384,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64, "role": "system"}]}""").status())
                .isEqualTo(201);
        browser.go("/profiles/pcid-pc");
        assertThat(browser.find("tr[data-key=cpu] .layer").getText()).isEqualTo("platform");
        assertThat(browser.find("tr[data-key=cpu] .source").getText()).isEqualTo("gaming-pcid");
        assertThat(browser.find("tr[data-key=machine] .source").getText()).isEqualTo("windows-11-gaming");
        assertThat(browser.find("tr[data-key=sockets] .source").getText()).isEqualTo("proxmox-default");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAdminEditsAUserPlatformButNotABuiltInOne() {
        Api api = Api.at(port);
        assertThat(api.post("/api/v1/platforms", """
                {"id": "quiet-desk", "extends": "linux-workstation", "settings": {"cpu": "host"}}""").status())
                .isEqualTo(201);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        browser.go("/platforms/windows-11-gaming");
        assertThat(browser.all("#edit-platform")).isEmpty();
        browser.go("/platforms/quiet-desk");

        browser.submit("#edit-platform");
        browser.type("#settings", "cpu=host,flags=+aes");
        browser.submit("#save-platform");

        assertThat(browser.find(".flash").getText()).contains("Saved platform quiet-desk");
        assertThat(browser.find("tr[data-key=cpu] .value").getText()).isEqualTo("host,flags=+aes");
        browser.find("#delete-platform").click();
        assertThat(browser.find("#confirm-question").getText()).startsWith("Delete this platform?");
        browser.find("#confirm-no").click();
        assertThat(browser.path()).isEqualTo("/platforms/quiet-desk");
        browser.confirm("#delete-platform");
        assertThat(browser.find(".flash").getText()).contains("Deleted platform quiet-desk");
    }

    @Test
    void aProfileMovesOntoAnotherPlatformFromItsPageAndThePlanFollows() {
        Api api = Api.at(port);
        assertThat(api.post("/api/v1/profiles", """
                {"name": "desk", "node": "srv02", "platform": "linux-workstation", "cores": 4, "memoryMiB": 8192,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64, "role": "system"}]}""").status())
                .isEqualTo(201);
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        browser.go("/profiles/desk");
        assertThat(browser.find("tr[data-platform=windows-11-gaming] .keys").getText()).isNotEqualTo("0");

        browser.submit("#move-windows-11-gaming");

        assertThat(browser.path()).isEqualTo("/profiles/desk/plan");
        assertThat(browser.find(".flash").getText()).contains("Moved profile desk onto windows-11-gaming");
        assertThat(api.get("/api/v1/profiles/desk").json().get("platform").asString()).isEqualTo("windows-11-gaming");
    }

    @Test
    void aViewerReadsPlatformsButIsOfferedNoChange() {
        String viewer = "platform-viewer-" + System.nanoTime() % 100_000;
        assertThat(Api.at(port).post("/api/v1/users", "{\"username\": \"" + viewer
                + "\", \"password\": \"correct horse battery\", \"role\": \"viewer\"}").status()).isEqualTo(201);
        browser.signIn(viewer, "correct horse battery");

        browser.go("/platforms/linux-workstation");

        assertThat(browser.find("h1").getText()).isEqualTo("linux-workstation");
        assertThat(browser.all("#edit-platform")).isEmpty();
        browser.go("/platforms");
        assertThat(browser.all("#new-platform")).isEmpty();
        browser.go("/platforms/new");
        assertThat(browser.all("#platform-form")).isEmpty();
    }
}
