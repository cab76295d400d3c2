package io.rigplane.access;

import io.rigplane.access.token.Scope;
import io.rigplane.access.user.Role;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of the OpenAPI description, called by every role and every single scope,
 * against ONE table of who may call it. An operation without a row, or a row without an
 * operation, fails the test, so a new endpoint cannot ship without a decision here.
 *
 * <p>"Allowed" means the call got past authorization (any answer but 401 and 403); the probes use
 * names and ids that do not exist and empty bodies, so nothing is changed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /**
     * operation | roles (a user token with all its role's scopes) | single scopes (an admin's token
     * with just that scope); "-" is nobody, "anyone" includes callers without a credential (a TV signing
     * in). Device tokens: session/DeviceTokenReachTest.
     */
    static final String MATRIX = """
            GET    /api/v1/profiles                        | admin operator viewer | profiles:read profiles:write admin
            POST   /api/v1/profiles                        | admin                 | profiles:write admin
            GET    /api/v1/profiles/{name}                 | admin operator viewer | profiles:read profiles:write admin
            PUT    /api/v1/profiles/{name}                 | admin                 | profiles:write admin
            DELETE /api/v1/profiles/{name}                 | admin                 | profiles:write admin
            GET    /api/v1/profiles/{name}/proxmox-config  | admin operator viewer | profiles:read profiles:write admin
            GET    /api/v1/profiles/{name}/plan            | admin operator viewer | profiles:read profiles:write admin
            POST   /api/v1/profiles/{name}/apply           | admin                 | profiles:write admin
            POST   /api/v1/profiles/adopt                  | admin                 | profiles:write admin
            GET    /api/v1/profiles/{name}/terraform       | admin operator viewer | profiles:read profiles:write admin
            GET    /api/v1/terraform                       | admin operator viewer | profiles:read profiles:write admin
            GET    /api/v1/usage                           | admin operator viewer | profiles:read profiles:write admin
            POST   /api/v1/profiles/import/terraform       | admin                 | profiles:write admin
            GET    /api/v1/profiles/{name}/drift           | admin operator viewer | profiles:read profiles:write admin
            POST   /api/v1/profiles/{name}/drift           | admin                 | profiles:write admin
            GET    /api/v1/drift                           | admin operator viewer | profiles:read profiles:write admin
            GET    /api/v1/vms                             | admin operator viewer | profiles:read profiles:write admin
            GET    /api/v1/profiles/{name}/platforms       | admin operator viewer | profiles:read profiles:write admin
            GET    /api/v1/platforms                       | admin operator viewer | profiles:read profiles:write admin
            POST   /api/v1/platforms                       | admin                 | admin
            GET    /api/v1/platforms/{id}                  | admin operator viewer | profiles:read profiles:write admin
            PUT    /api/v1/platforms/{id}                  | admin                 | admin
            DELETE /api/v1/platforms/{id}                  | admin                 | admin
            POST   /api/v1/profiles/{name}/start           | admin operator        | power admin
            POST   /api/v1/profiles/{name}/stop            | admin operator        | power admin
            POST   /api/v1/profiles/{name}/shutdown        | admin operator        | power admin
            POST   /api/v1/profiles/{name}/reboot          | admin operator        | power admin
            GET    /api/v1/profiles/{name}/status          | admin operator viewer | profiles:read profiles:write power admin
            GET    /api/v1/profiles/{name}/stream-host     | admin operator viewer | profiles:read profiles:write admin
            PUT    /api/v1/profiles/{name}/stream-host     | admin                 | profiles:write admin
            GET    /api/v1/nodes                           | admin operator viewer | profiles:read profiles:write power admin
            POST   /api/v1/nodes/{node}/wake               | admin operator        | power admin
            PUT    /api/v1/nodes/{node}/wake-on-lan        | admin                 | admin
            GET    /api/v1/profiles/{name}/snapshot-policy | admin operator viewer | profiles:read profiles:write snapshots admin
            PUT    /api/v1/profiles/{name}/snapshot-policy | admin operator        | snapshots admin
            GET    /api/v1/profiles/{name}/snapshot-policy/dry-run | admin operator viewer | profiles:read profiles:write snapshots admin
            GET    /api/v1/profiles/{name}/snapshots       | admin operator viewer | profiles:read profiles:write snapshots admin
            POST   /api/v1/profiles/{name}/snapshots       | admin operator        | snapshots admin
            DELETE /api/v1/profiles/{name}/snapshots/{snapshot} | admin            | admin
            POST   /api/v1/profiles/{name}/snapshots/{snapshot}/rollback | admin operator | snapshots admin
            GET    /api/v1/snapshot-runs                   | admin operator viewer | profiles:read profiles:write snapshots admin
            GET    /api/v1/users                           | admin                 | admin
            POST   /api/v1/users                           | admin                 | admin
            GET    /api/v1/users/me                        | admin operator viewer | profiles:read profiles:write power snapshots sessions admin
            GET    /api/v1/users/{username}                | admin                 | admin
            DELETE /api/v1/users/{username}                | admin                 | admin
            PUT    /api/v1/users/{username}/role           | admin                 | admin
            PUT    /api/v1/users/{username}/password       | admin                 | admin
            DELETE /api/v1/users/{username}/lock           | admin                 | admin
            GET    /api/v1/tokens                          | admin operator viewer | profiles:read profiles:write power snapshots sessions admin
            POST   /api/v1/tokens                          | admin operator viewer | profiles:read profiles:write power snapshots sessions admin
            DELETE /api/v1/tokens/{id}                     | admin operator viewer | profiles:read profiles:write power snapshots sessions admin
            GET    /api/v1/audit                           | admin                 | admin
            GET    /api/v1/operations                      | admin operator viewer | profiles:read profiles:write power snapshots sessions admin
            GET    /api/v1/operations/{id}                 | admin operator viewer | profiles:read profiles:write power snapshots sessions admin
            GET    /api/v1/operations/{id}/events          | admin operator viewer | profiles:read profiles:write power snapshots sessions admin
            POST   /api/v1/sessions                        | admin operator        | sessions admin
            GET    /api/v1/sessions                        | admin operator        | sessions admin
            GET    /api/v1/sessions/{id}                   | admin operator        | sessions admin
            GET    /api/v1/sessions/{id}/events            | admin operator        | sessions admin
            POST   /api/v1/sessions/{id}/heartbeat         | admin operator        | sessions admin
            DELETE /api/v1/sessions/{id}                   | admin operator        | sessions admin
            GET    /api/v1/profiles/{name}/session-settings | admin operator viewer | profiles:read profiles:write admin
            PUT    /api/v1/profiles/{name}/session-settings | admin                | profiles:write admin
            GET    /api/v1/profiles/{name}/prewarm         | admin operator viewer | profiles:read profiles:write admin
            PUT    /api/v1/profiles/{name}/prewarm         | admin                 | profiles:write admin
            GET    /api/v1/clusters                        | admin                 | admin
            GET    /api/v1/clusters/{id}/check             | admin                 | admin
            GET    /api/v1/devices                         | admin                 | admin
            POST   /api/v1/devices                         | admin                 | admin
            GET    /api/v1/devices/{id}                    | admin                 | admin
            DELETE /api/v1/devices/{id}                    | admin                 | admin
            PUT    /api/v1/devices/{id}/profiles           | admin                 | admin
            GET    /api/v1/devices/me                      | -                     | -
            POST   /api/v1/device-authorization            | anyone                | anyone
            POST   /api/v1/device-authorization/token      | anyone                | anyone
            POST   /api/v1/device-authorization/approve    | admin                 | admin
            POST   /api/v1/device-authorization/deny       | admin                 | admin
            GET    /api/v1/notifications/targets           | admin                 | admin
            POST   /api/v1/notifications/targets           | admin                 | admin
            GET    /api/v1/notifications/targets/{id}      | admin                 | admin
            PUT    /api/v1/notifications/targets/{id}      | admin                 | admin
            DELETE /api/v1/notifications/targets/{id}      | admin                 | admin
            POST   /api/v1/notifications/targets/{id}/test | admin                 | admin
            POST   /api/v1/notifications/targets/{id}/resume | admin               | admin
            GET    /api/v1/notifications/deliveries        | admin                 | admin
            """;

    private static final Map<String, String> PROBE_VALUES = Map.of(
            "name", "matrix-absent", "username", "matrix-absent", "id", "987654321", "node", "matrix-absent",
            "snapshot", "matrix-absent");

    @LocalServerPort
    int port;

    @Autowired
    AccessFixtures fixtures;

    private final Map<String, Api> principals = new LinkedHashMap<>();

    @BeforeAll
    void principals() {
        Api base = Api.at(port);
        for (Role role : Role.values()) {
            String user = fixtures.user("matrix-" + role, role);
            principals.put(role.toString(), base.withToken(fixtures.token(user, role)));
        }
        String admin = fixtures.user("matrix-scopes", Role.ADMIN);
        for (Scope scope : Scope.values()) {
            principals.put(scope.value(), base.withToken(fixtures.token(admin, Role.ADMIN, EnumSet.of(scope), null)));
        }
    }

    @Test
    void everyOperationHasExactlyOneRowAndEveryRowAnOperation() {
        assertThat(new TreeSet<>(operations())).isEqualTo(new TreeSet<>(table().keySet()));
    }

    @Test
    void everyPrincipalGetsTheAnswerTheTableGives() {
        List<String> wrong = new ArrayList<>();
        Map<String, Set<String>> table = table();
        for (String operation : operations()) {
            Set<String> allowed = table.getOrDefault(operation, Set.of());
            String method = operation.substring(0, operation.indexOf(' '));
            String path = probePath(operation.substring(operation.indexOf(' ') + 1));
            String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
            boolean open = allowed.contains("anyone");
            int anonymous = Api.anonymous(port).send(method, path, body).status();
            if (open ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                wrong.add(operation + " anonymous: " + anonymous);
            }
            principals.forEach((principal, api) -> {
                Api.Reply reply = api.send(method, path, body);
                boolean passed = reply.status() != 401 && reply.status() != 403;
                if (passed != (open || allowed.contains(principal))) {
                    wrong.add(operation + " as " + principal + ": " + reply.status()
                            + (allowed.contains(principal) ? " (should pass)" : " (should be 403)"));
                } else if (!passed && !reply.contentType().startsWith("application/problem+json")) {
                    wrong.add(operation + " as " + principal + ": refusal is not a problem response");
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    private List<String> operations() {
        return Api.anonymous(port).operations();
    }

    static Map<String, Set<String>> table() {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        MATRIX.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] cells = line.split("\\|");
            String[] operation = cells[0].trim().split("\\s+");
            Set<String> allowed = new TreeSet<>(List.of(cells[1].trim().split("\\s+")));
            allowed.addAll(List.of(cells[2].trim().split("\\s+")));
            String key = operation[0] + " " + operation[1];
            if (rows.put(key, allowed) != null) {
                throw new IllegalStateException("Two rows for " + key);
            }
        });
        return rows;
    }

    private static String probePath(String template) {
        String path = template;
        for (Map.Entry<String, String> value : PROBE_VALUES.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (path.contains("{")) {
            throw new IllegalStateException("No probe value for a parameter of " + template);
        }
        return path;
    }
}
