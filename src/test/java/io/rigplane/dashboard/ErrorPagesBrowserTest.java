package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser that asks for a dashboard page that is not there gets the dashboard's error page. */
@IntegrationTest
class ErrorPagesBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.shared(port);
    }

    @Test
    void missingPagesAndRecordsShowTheStyledErrorPage() {
        browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        for (String path : new String[] {"/no-such-page", "/profiles/does-not-exist",
                "/sessions/" + UUID.randomUUID(), "/operations/" + UUID.randomUUID()}) {
            browser.go(path);
            assertThat(browser.find("h1").getText()).as(path).isEqualTo("Not found");
            assertThat(browser.find(".error-status").getText()).as(path).contains("404");
            assertThat(browser.find(".error-detail").getText()).as(path).isNotBlank();
            assertThat(browser.find("body").getText()).as(path).doesNotContain("\"type\"", "\"status\"");
            assertThat(browser.all("a.button[href='/']")).as(path).hasSize(1);
        }
        browser.go("/sessions/not-a-uuid");
        assertThat(browser.find(".error-status").getText()).contains("400");
        // the page's own status is reported as a failed load; anything else (a CSP violation) is not
        assertThat(browser.consoleErrors()).allMatch(error -> error.contains("responded with a status of 4"));
    }

    @Test
    void theApiKeepsProblemResponsesEvenForABrowser() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/profiles/does-not-exist"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
