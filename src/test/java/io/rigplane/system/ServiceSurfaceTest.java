package io.rigplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What operators and script authors rely on besides the API itself. */
@IntegrationTest
class ServiceSurfaceTest {

    @LocalServerPort
    int port;

    @Test
    void describesTheApiInOpenApiWithExamplesAndBearerAuth() {
        Api.Reply reply = Api.anonymous(port).get("/v3/api-docs");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode doc = reply.json();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("paths").has("/api/v1/profiles")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/profiles/{name}/proxmox-config")).isTrue();
        assertThat(doc.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
        JsonNode spec = doc.get("components").get("schemas").get("ProfileSpec").get("properties");
        assertThat(spec.get("name").get("example").asString()).isEqualTo("gaming-pc");
        assertThat(Api.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void healthIsPublicAndMetricsNeedAToken() {
        Api.Reply health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");

        assertThat(Api.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        Api.Reply metrics = Api.at(port).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
    }

    @Test
    void everyApiCallNeedsAValidBearerToken() {
        Api.Reply none = Api.anonymous(port).get("/api/v1/profiles");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(none.json().get("type").asString()).isEqualTo("https://rigplane.io/problems/unauthorized");

        Api.Reply wrong = Api.at(port).withToken("rgp_not-a-real-token").get("/api/v1/profiles");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asString()).contains("unknown, revoked or expired");

        Api.Reply basic = Api.anonymous(port).get("/api/v1/profiles", "Authorization", "Basic YWRtaW46YWRtaW4=");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(Api.at(port).get("/api/v1/profiles").status()).isEqualTo(200);
    }

    @Test
    void unknownApiPathsAreProblems() {
        Api.Reply reply = Api.at(port).get("/api/v1/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(Api.at(port).send("PATCH", "/api/v1/profiles", "{}").status()).isEqualTo(405);
    }

    @Test
    void theDashboardSendsStrictSecurityHeaders() {
        Api.Reply login = Api.anonymous(port).get("/login");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(login.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.header("Referrer-Policy")).contains("same-origin");
        assertThat(login.body()).contains("name=\"_csrf\"");
    }
}
