package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on end to end in a real browser against a real OpenID Connect provider (Spring
 * Authorization Server, started here): roles from the groups claim, the refusal of a user without a
 * mapped group, sign-out here and at the provider, and a changed group taking effect at the next
 * sign-in. Rigplane is browsed at 127.0.0.1 (the provider accepts no "localhost" redirect URI),
 * the provider at localhost, so each keeps its own cookies.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "rigplane.oidc.client-id=" + OidcProvider.CLIENT_ID,
        "rigplane.oidc.client-secret=" + OidcProvider.CLIENT_SECRET,
        "rigplane.oidc.display-name=Test provider",
        "rigplane.oidc.admin-groups=lab-admins, owners",
        "rigplane.oidc.operator-groups=lab-operators",
        "rigplane.oidc.viewer-groups=lab-viewers"})
class SingleSignOnBrowserTest {

    private static OidcProvider provider;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        provider = OidcProvider.start();
        registry.add("rigplane.oidc.issuer", provider::issuer);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @BeforeEach
    void open() throws Exception {
        provider.allowClientAt(rigplane());
        browser = Browser.shared(port);
        // both sites' cookies: the provider remembers who signed in there too
        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void anAdminGroupSignsInAsAnAdminAndSeesTheAdminPages() throws Exception {
        provider.user("ada", List.of("staff", "owners"));

        signInAtProvider("ada");

        assertThat(browser.find(".topbar .who").getText()).isEqualTo("ada");
        go("/users");
        assertThat(browser.find("tr[data-user=ada]").getText()).contains("admin");
        go("/audit");
        assertThat(browser.find("h1").getText()).containsIgnoringCase("audit");
        JsonNode login = latestAudit("login", "ada");
        assertThat(login.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(login.get("detail").asString()).contains("single sign-on at " + provider.issuer(), "role admin");
        assertThat(liveSessions("ada")).as("tracked like a password sign-in").isEqualTo(1);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aViewerGroupSignsInAsAViewerAndIsRefusedAdminActions() {
        provider.user("vera", List.of("lab-viewers"));

        signInAtProvider("vera");

        assertThat(browser.find(".topbar .who").getText()).isEqualTo("vera");
        assertThat(browser.all(".nav a[href='/users']")).as("no admin links").isEmpty();
        go("/users");
        assertThat(browser.find("h1").getText()).isEqualTo("Not allowed");
        go("/tokens");
        // an admin's form posted by hand, with this session's valid CSRF token
        browser.script("""
                const form = document.createElement('form');
                form.method = 'post'; form.action = '/users';
                for (const [name, value] of [['username', 'made-by-vera'], ['password', 'a long password 1'],
                        ['role', 'ADMIN'], ['_csrf', document.querySelector('input[name=_csrf]').value]]) {
                    const input = document.createElement('input');
                    input.name = name; input.value = value; form.appendChild(input);
                }
                document.body.appendChild(form); form.submit();""");
        assertThat(browser.find("h1").getText()).isEqualTo("Not allowed");
        assertThat(Api.at(port).get("/api/v1/users/made-by-vera").status()).isEqualTo(404);
        assertThat(Api.at(port).get("/api/v1/users/vera").json().get("role").asString()).isEqualTo("viewer");
    }

    @Test
    void aUserWithoutAMappedGroupIsRefusedWithAClearPageAndTheRefusalIsAudited() throws Exception {
        provider.user("nemo", List.of("staff", "lab-guests"));

        signInAtProvider("nemo");

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(rigplane() + "/login/refused");
        assertThat(browser.find("h1").getText()).isEqualTo("No access to Rigplane");
        assertThat(browser.find("#sso-refused .error").getText()).contains("nemo")
                .contains("none of the groups that Rigplane gives a role");
        screenshot("sso-refused.png");
        assertThat(browser.consoleErrors()).as("the page is styled under the strict CSP").isEmpty();
        assertThat(browser.find("h1").getCssValue("color")).isNotEqualTo("rgba(0, 0, 0, 1)");
        go("/");
        assertThat(browser.driver().getCurrentUrl()).as("not signed in").isEqualTo(rigplane() + "/login");
        JsonNode refused = latestAudit("login", "nemo");
        assertThat(refused.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("detail").asString()).contains("claim 'groups'", "staff, lab-guests");
        assertThat(Api.at(port).get("/api/v1/users/nemo").status()).as("no user is made").isEqualTo(404);
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProvider() {
        provider.user("otto", List.of("lab-operators"));
        signInAtProvider("otto");
        assertThat(browser.find(".topbar .who").getText()).isEqualTo("otto");
        assertThat(liveSessions("otto")).isEqualTo(1);

        browser.submit(".topbar form.logout button[type=submit]");

        assertThat(browser.find(".flash").getText()).isEqualTo("You have signed out.");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(rigplane() + "/login?logout");
        assertThat(liveSessions("otto")).isZero();
        go("/");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(rigplane() + "/login");
        browser.submit("#sso-sign-in");
        assertThat(browser.find("input[name=password]").isDisplayed())
                .as("the provider asks for the password again: its session ended too").isTrue();
        assertThat(browser.driver().getCurrentUrl()).startsWith(provider.issuer());
    }

    @Test
    void aChangedGroupTakesEffectAtTheNextSignIn() {
        provider.user("gil", List.of("lab-viewers"));
        signInAtProvider("gil");
        go("/users");
        assertThat(browser.find("h1").getText()).isEqualTo("Not allowed");
        go("/");
        browser.submit(".topbar form.logout button[type=submit]");

        provider.user("gil", List.of("lab-admins"));
        signInAtProvider("gil");

        go("/users");
        assertThat(browser.find("tr[data-user=gil]").getText()).contains("admin");
        assertThat(browser.all("tr[data-user^=gil]")).as("the same local user, not a second one").hasSize(1);
        JsonNode changed = latestAudit("user.role", "gil");
        assertThat(changed.get("detail").asString()).isEqualTo("viewer -> admin (groups at the identity provider)");
        browser.submit(".topbar form.logout button[type=submit]");

        provider.user("gil", List.of());
        signInAtProvider("gil");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(rigplane() + "/login/refused");
    }

    @Test
    void anSsoUsersAccountPageSaysTheProviderManagesTheAccountAndOffersNoPasswordChange() throws Exception {
        provider.user("sue", List.of("lab-viewers"));
        signInAtProvider("sue");

        go("/account");
        assertThat(browser.find("#managed-by-provider").getText())
                .contains("Your account is managed by Test provider", "password");
        assertThat(browser.all("#password-form")).as("no password to change").isEmpty();
        assertThat(browser.all("input[type=password]")).isEmpty();
        screenshot("account-sso.png");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theUsersPageMarksSsoUsersAndNoPasswordIsSetForThemByFormOrApi() throws Exception {
        provider.user("sam", List.of("lab-admins"));
        signInAtProvider("sam");

        go("/users");
        assertThat(browser.find("tr[data-user=sam] .sign-in").getText()).isEqualTo("SSO");
        assertThat(browser.all("tr[data-user=sam] form[action$='/password']")).as("no reset for sam").isEmpty();
        assertThat(browser.find("tr[data-user=sam]").getText()).contains("at the identity provider");
        assertThat(browser.find("tr[data-user=admin] .sign-in").getText()).isEqualTo("password");
        assertThat(browser.all("tr[data-user=admin] form[action$='/password']")).as("a local user's").hasSize(1);
        screenshot("users-sso.png");
        assertThat(browser.consoleErrors()).isEmpty();

        // a form posted by hand, this session's own CSRF token: refused, as the API refuses it
        browser.script("""
                const form = document.createElement('form');
                form.method = 'post'; form.action = '/users/sam/password';
                for (const [name, value] of [['newPassword', 'a long password 12'],
                        ['_csrf', document.querySelector('input[name=_csrf]').value]]) {
                    const input = document.createElement('input');
                    input.name = name; input.value = value; form.appendChild(input);
                }
                document.body.appendChild(form); form.submit();""");
        assertThat(browser.find("p.error").getText()).contains("sam signs in through single sign-on");
        Api.Reply reset = Api.at(port).put("/api/v1/users/sam/password", "{\"newPassword\": \"a long password 12\"}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(409);
        assertThat(reset.json().get("type").asString()).endsWith("/password-at-provider");
        JsonNode sam = Api.at(port).get("/api/v1/users/sam").json();
        assertThat(sam.get("singleSignOn").asBoolean()).isTrue();
        assertThat(Api.at(port).get("/api/v1/users/admin").json().get("singleSignOn").asBoolean()).isFalse();
        JsonNode refused = Api.at(port).get("/api/v1/audit?action=user.password&size=1").json().get("items").get(0);
        assertThat(refused.get("target").asString()).isEqualTo("user:sam");
        assertThat(refused.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("detail").asString()).isEqualTo("single sign-on user");
    }

    @Test
    void localUsersKeepTheirPasswordsAndNobodyAtTheProviderTakesTheirNames() {
        go("/login");
        assertThat(browser.find("#sso-sign-in").getText()).isEqualTo("Sign in with Test provider");
        browser.type("input[name=username]", "admin");
        browser.type("input[name=password]", IntegrationTest.ADMIN_PASSWORD);
        browser.submit("#password-sign-in button[type=submit]");
        assertThat(browser.find(".topbar .who").getText()).isEqualTo("admin");
        browser.submit(".topbar form.logout button[type=submit]");

        provider.user("admin", List.of("lab-viewers"));
        signInAtProvider("admin");

        assertThat(browser.find(".topbar .who").getText()).as("a local user of its own").isEqualTo("admin-2");
        assertThat(Api.at(port).get("/api/v1/users/admin-2").json().get("role").asString()).isEqualTo("viewer");
        assertThat(Api.at(port).get("/api/v1/users/admin").json().get("role").asString()).isEqualTo("admin");
    }

    private void signInAtProvider(String name) {
        go("/login");
        browser.submit("#sso-sign-in");
        browser.type("input[name=username]", name);
        browser.type("input[name=password]", OidcProvider.PASSWORD);
        browser.submit("button[type=submit]");
    }

    private String rigplane() {
        return "http://127.0.0.1:" + port;
    }

    private void go(String path) {
        browser.driver().get(rigplane() + path);
    }

    private JsonNode latestAudit(String action, String actor) {
        return Api.at(port).get("/api/v1/audit?action=" + action + "&actor=" + actor + "&size=1").json()
                .get("items").get(0);
    }

    private int liveSessions(String username) {
        Integer rows = jdbc.queryForObject("select count(*) from dashboard_session where username = ?",
                Integer.class, username);
        return rows == null ? 0 : rows;
    }

    private void screenshot(String name) throws Exception {
        byte[] shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", name), shot);
    }
}
