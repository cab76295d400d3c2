package io.rigplane.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A device token against every operation of the OpenAPI description: it passes authorization only
 * for the session calls and {@code GET /api/v1/devices/me}, and is refused with a 403 problem
 * everywhere else, including the calls open to every script token.
 */
@IntegrationTest
class DeviceTokenReachTest {

    @LocalServerPort
    int port;

    @Test
    void aDeviceTokenReachesOnlyItsSessionsAndItself() {
        Api admin = Api.at(port);
        String profile = DeviceTestProfiles.create(admin, "dev-reach");
        Api device = admin.withToken(admin.post("/api/v1/devices",
                "{\"name\": \"reach-tv\", \"profiles\": [\"" + profile + "\"]}").json().get("token").asString());

        List<String> wrong = new ArrayList<>();
        List<String> operations = operations();
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "987654321")
                    .replace("/profiles/987654321", "/profiles/" + profile);
            String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
            Api.Reply reply = device.send(method, path, body);
            boolean passed = reply.status() != 401 && reply.status() != 403;
            boolean allowed = path.equals("/api/v1/sessions") || path.startsWith("/api/v1/sessions/")
                    || operation.equals("GET /api/v1/devices/me")
                    // a TV signing in (RFC 8628) has no credential yet: open to anyone
                    || operation.equals("POST /api/v1/device-authorization")
                    || operation.equals("POST /api/v1/device-authorization/token");
            if (passed != allowed) {
                wrong.add(operation + ": " + reply.status());
            } else if (!passed && (reply.status() != 403 || !reply.contentType().startsWith("application/problem+json"))) {
                wrong.add(operation + ": refused with " + reply.status() + " " + reply.contentType());
            }
        }
        assertThat(operations).contains("GET /api/v1/devices/me", "GET /api/v1/tokens", "GET /api/v1/users/me",
                "POST /api/v1/profiles/{name}/start");
        assertThat(wrong).isEmpty();
        assertThat(device.get("/actuator/prometheus").status()).isEqualTo(403);
    }

    private List<String> operations() {
        return Api.anonymous(port).operations();
    }
}
