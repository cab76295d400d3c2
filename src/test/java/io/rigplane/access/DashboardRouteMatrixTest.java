package io.rigplane.access;

import io.rigplane.access.user.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import io.rigplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every dashboard route that changes something, read from Spring MVC's mappings, signed in as
 * each role, against ONE table. A new form route without a row fails the test. Probes use names
 * that do not exist and empty forms, so nothing is changed.
 */
@IntegrationTest
class DashboardRouteMatrixTest {

    static final String ROUTES = """
            POST /profiles                      | admin
            POST /profiles/{name}               | admin
            POST /profiles/{name}/delete        | admin
            POST /profiles/{name}/apply         | admin
            POST /profiles/{name}/drift         | admin
            POST /profiles/adopt                | admin
            POST /profiles/{name}/start         | admin operator
            POST /profiles/{name}/shutdown      | admin operator
            POST /profiles/{name}/stop          | admin operator
            POST /profiles/{name}/stream-host   | admin
            POST /profiles/{name}/move          | admin
            POST /profiles/{name}/prewarm       | admin
            POST /platforms                     | admin
            POST /platforms/{id}                | admin
            POST /platforms/{id}/delete         | admin
            POST /nodes/{node}/wake             | admin operator
            POST /snapshots/{name}/policy       | admin operator
            POST /snapshots/{name}/take         | admin operator
            POST /snapshots/{name}/rollback     | admin operator
            POST /profiles/{name}/snapshots/delete | admin
            POST /users                         | admin
            POST /users/{username}/role         | admin
            POST /users/{username}/password     | admin
            POST /users/{username}/delete       | admin
            POST /users/{username}/unlock       | admin
            POST /tokens                        | admin operator viewer
            POST /tokens/{id}/revoke            | admin operator viewer
            POST /account/password              | admin operator viewer
            POST /devices                       | admin
            POST /devices/{id}/profiles         | admin
            POST /devices/{id}/revoke           | admin
            POST /devices/approve               | admin
            POST /sessions/{id}/end             | admin operator
            POST /notifications/targets         | admin
            POST /notifications/targets/{id}    | admin
            POST /notifications/targets/{id}/delete | admin
            POST /notifications/targets/{id}/resume | admin
            POST /notifications/targets/{id}/test   | admin
            """;

    @LocalServerPort
    int port;

    @Autowired
    AccessFixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyChangingDashboardRouteFollowsTheTable() {
        Map<String, Set<String>> table = table();
        List<String> routes = routes();
        assertThat(new TreeSet<>(routes)).isEqualTo(new TreeSet<>(table.keySet()));

        RawHttp http = new RawHttp("127.0.0.40", port);
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            String user = fixtures.user("routes-" + role, role);
            String cookie = http.signIn(user, AccessFixtures.PASSWORD.replace(" ", "%20")).header("set-cookie")
                    .split(";")[0];
            String csrf = RawHttp.csrf(http.send("GET", "/tokens", Map.of("Cookie", cookie), null).body());
            for (String route : routes) {
                String path = route.substring(route.indexOf(' ') + 1).replace("{name}", "route-absent")
                        .replace("{username}", "route-absent").replace("{id}", "987654321")
                        .replace("{node}", "route-absent");
                int status = http.send("POST", path, Map.of("Cookie", cookie,
                        "Content-Type", "application/x-www-form-urlencoded"), "_csrf=" + csrf).status();
                boolean allowed = table.get(route).contains(role.toString());
                if ((status != 403) != allowed) {
                    wrong.add(route + " as " + role + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private List<String> routes() {
        List<String> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.startsWith("/v3/") || pattern.equals("/error")) {
                    continue;
                }
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                    if (verb != RequestMethod.GET && verb != RequestMethod.HEAD && verb != RequestMethod.OPTIONS) {
                        routes.add(verb + " " + pattern);
                    }
                }
            }
        });
        return routes;
    }

    private static Map<String, Set<String>> table() {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        ROUTES.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] cells = line.split("\\|");
            rows.put(cells[0].trim().replaceAll("\\s+", " "), new TreeSet<>(List.of(cells[1].trim().split("\\s+"))));
        });
        return rows;
    }
}
