package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard in a real headless Chromium: sign in, create, fix errors, read the rendered config. */
@IntegrationTest
class ProfilePagesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @BeforeEach
    void open() throws IOException {
        jdbc.update("delete from profile");
        browser = Browser.shared(port);
    }


    @Test
    void pagesNeedASignIn() {
        browser.go("/profiles");

        assertThat(browser.path()).startsWith("/login");
        browser.type("input[name=username]", "admin");
        browser.type("input[name=password]", "wrong");
        browser.submit("button[type=submit]");
        assertThat(browser.find(".error").getText()).contains("Wrong user name or password");
    }

    @Test
    void createsAProfileAfterFixingTheInlineErrors() {
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        browser.go("/profiles/new");
        browser.type("#name", "Gaming PC");
        browser.type("#node", "srv02");
        browser.type("#vmid", "100");
        browser.type("#cores", "eight");
        browser.type("#memoryMiB", "32768");
        browser.type("#gpu", "rtx3070");
        browser.type("#disks0\\.slot", "scsi0");
        browser.type("#disks0\\.storage", "local-zfs");
        browser.type("#disks0\\.sizeGiB", "200");
        browser.submit("#save-profile");

        assertThat(browser.find("[data-field=name]").getText()).contains("slug");
        assertThat(browser.find("[data-field=cores]").getText()).contains("whole number");
        assertThat(jdbc.queryForObject("select count(*) from profile", Integer.class)).isZero();

        browser.type("#name", "gaming-pc");
        browser.type("#cores", "8");
        browser.type("#disks1\\.slot", "scsi1");
        browser.type("#disks1\\.storage", "local-zfs");
        browser.type("#disks1\\.sizeGiB", "500");
        new Select(browser.find("#disks1\\.role")).selectByValue("data");
        browser.submit("#save-profile");

        assertThat(browser.find("h1").getText()).isEqualTo("gaming-pc");
        assertThat(browser.find(".flash").getText()).contains("Saved profile gaming-pc");
        assertThat(browser.find("tr[data-key=machine] .value").getText()).isEqualTo("pc-q35-10.0");
        assertThat(browser.find("tr[data-key=machine] .layer").getText()).isEqualTo("platform");
        assertThat(browser.find("tr[data-key=scsi1] .value").getText())
                .isEqualTo("local-zfs:vm-100-disk-2,aio=io_uring,cache=none,discard=on,iothread=1,size=500G,ssd=1");
        assertThat(browser.find("tr[data-key=scsi1] .layer").getText()).isEqualTo("profile");
        assertThat(browser.find("tr[data-key=hostpci0] .value").getText()).isEqualTo("mapping=rtx3070,pcie=1,x-vga=1");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void editsAProfileAndListsIt() {
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        createThroughTheForm("office-pc", "4");

        browser.submit("#edit-profile");
        browser.type("#cores", "6");
        browser.submit("#save-profile");

        assertThat(browser.find("tr[data-key=cores] .value").getText()).isEqualTo("6");
        browser.go("/profiles");
        assertThat(browser.find("#profiles").getText()).contains("office-pc").contains("6 cores");
        browser.go("/");
        assertThat(browser.find("#profile-count").getText()).isEqualTo("1");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void fitsAPhoneScreen() {
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        createThroughTheForm("phone-pc", "2");
        browser.driver().manage().window().setSize(new Dimension(390, 844));

        for (String page : new String[] {"/", "/profiles", "/profiles/phone-pc", "/profiles/new"}) {
            browser.go(page);
            long overflow = (Long) browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("horizontal overflow on " + page).isLessThanOrEqualTo(0);
        }
    }

    private void createThroughTheForm(String name, String cores) {
        browser.go("/profiles/new");
        browser.type("#name", name);
        browser.type("#node", "srv02");
        browser.type("#cores", cores);
        browser.type("#memoryMiB", "8192");
        browser.type("#disks0\\.slot", "scsi0");
        browser.type("#disks0\\.storage", "local-zfs");
        browser.type("#disks0\\.sizeGiB", "64");
        browser.submit("#save-profile");
        assertThat(browser.find("h1").getText())
                .as(() -> browser.all(".field-error, .error").stream().map(e -> e.getText()).toList().toString())
                .isEqualTo(name);
    }
}
