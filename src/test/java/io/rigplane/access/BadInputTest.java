package io.rigplane.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates bad requests for every operation of the OpenAPI description, from its parameters
 * and body schemas: hostile path values, wrongly typed query values, malformed, oversized,
 * invalid UTF-8 and unknown-field bodies, wrongly typed fields, and script and SQL fragments in
 * names. Each must answer a 4xx problem, and together they must store nothing. The same for every
 * query parameter and dashboard form field, from Spring MVC's mappings ({@link HandlerInputCases}).
 */
@IntegrationTest
class BadInputTest {

    static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "' OR '1'='1", "1; DROP TABLE app_user;--",
            "\"><img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "x".repeat(300), "..", "%00");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Case(String operation, String method, String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return operation + " -> " + method + " " + path + " " + (shown.length() > 120
                    ? shown.substring(0, 120) + "..." : shown);
        }
    }

    @Test
    void everyOperationAnswersBadInputWithAProblemAndStoresNothing() throws Exception {
        JsonNode api = JSON.readTree(get("/v3/api-docs"));
        List<Case> cases = generate(api);
        Map<String, Long> before = rowCounts();
        long successesBefore = successfulAudits();

        List<String> wrong = new ArrayList<>();
        for (Case badCase : cases) {
            HttpResponse<String> response = send(badCase);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() < 400 || response.statusCode() > 499) {
                wrong.add(response.statusCode() + " for " + badCase);
            } else if (!type.startsWith("application/problem+json")) {
                wrong.add("no problem body (" + response.statusCode() + " " + type + ") for " + badCase);
            }
        }

        assertThat(cases).hasSizeGreaterThan(100);
        assertThat(wrong).isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(successfulAudits()).isEqualTo(successesBefore);
    }

    /**
     * Every query parameter and form field of every handler, API and dashboard alike (read from
     * Spring MVC's mappings, so a new parameter is covered without a line here): no value may get
     * a 5xx, a NUL character anywhere is a 400, and together they store nothing. Dashboard forms
     * are posted signed in as an admin, with the session's CSRF token.
     */
    @Test
    void everyQueryParameterAndFormFieldAnswersBadInputWithoutA5xxAndStoresNothing() {
        RawHttp browser = new RawHttp("127.0.0.62", port);
        String cookie = browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD).header("set-cookie").split(";")[0];
        String csrf = RawHttp.csrf(browser.send("GET", "/tokens", Map.of("Cookie", cookie), null).body());
        List<HandlerInputCases.Case> cases = HandlerInputCases.generate(mappings.getHandlerMethods());
        Map<String, Long> before = rowCounts();
        long successesBefore = successfulAudits();

        List<String> wrong = new ArrayList<>();
        int forms = 0;
        Map<String, Long> counted = before;
        for (int i = 0; i < cases.size(); i++) {
            HandlerInputCases.Case badCase = cases.get(i);
            int status;
            String type;
            if (badCase.dashboard()) {
                String target = badCase.path() + (badCase.query().isEmpty() ? "" : "?" + badCase.query());
                RawHttp.Reply reply = badCase.method().equals("GET")
                        ? browser.send("GET", target, Map.of("Cookie", cookie), null)
                        : browser.send(badCase.method(), target, Map.of("Cookie", cookie,
                                "Content-Type", "application/x-www-form-urlencoded"),
                                (badCase.form().isEmpty() ? "" : badCase.form() + "&") + "_csrf=" + csrf);
                status = reply.status();
                type = reply.header("content-type") == null ? "" : reply.header("content-type");
                forms += badCase.form().isEmpty() ? 0 : 1;
            } else {
                HttpResponse<String> response = sendQuery(badCase);
                status = response.statusCode();
                type = response.headers().firstValue("Content-Type").orElse("");
            }
            if (status >= 500) {
                wrong.add(status + " for " + badCase);
            } else if (badCase.nul() && status != 400) {
                wrong.add(status + " (not 400) for a NUL character in " + badCase);
            } else if (!badCase.dashboard() && status >= 400 && !type.startsWith("application/problem+json")) {
                wrong.add("no problem body (" + status + " " + type + ") for " + badCase);
            }
            if (i == cases.size() - 1 || !cases.get(i + 1).route().equals(badCase.route())) {
                // the route's cases are done: name the one that stored something
                Map<String, Long> now = rowCounts();
                if (!now.equals(counted)) {
                    wrong.add(badCase.route() + " stored rows: " + changed(counted, now));
                }
                counted = now;
            }
        }

        assertThat(cases).hasSizeGreaterThan(1000);
        assertThat(forms).as("dashboard form cases").isGreaterThan(300);
        assertThat(wrong).isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(successfulAudits()).isEqualTo(successesBefore);
    }

    private static Map<String, String> changed(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changed.put(table, before.get(table) + " -> " + count);
            }
        });
        return changed;
    }

    private HttpResponse<String> sendQuery(HandlerInputCases.Case badCase) {
        String target = badCase.path() + (badCase.query().isEmpty() ? "" : "?" + badCase.query());
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN)
                    .method(badCase.method(), HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(badCase.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Case> generate(JsonNode api) {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String method = entry.getKey().toUpperCase();
                String operation = method + " " + path.getKey();
                JsonNode op = entry.getValue();
                List<JsonNode> parameters = new ArrayList<>();
                op.path("parameters").forEach(parameters::add);
                String safePath = fill(path.getKey(), parameters, null, null);
                for (JsonNode parameter : parameters) {
                    String name = parameter.get("name").asString();
                    if (parameter.get("in").asString().equals("path")) {
                        for (String hostile : HOSTILE) {
                            cases.add(new Case(operation, method, fill(path.getKey(), parameters, name, hostile),
                                    null, body(op, api)));
                        }
                        cases.add(new Case(operation, method, fill(path.getKey(), parameters, name, "%C3%28"), null,
                                body(op, api)));
                    } else if (parameter.get("in").asString().equals("query")) {
                        String wrongValue = wrongQueryValue(resolve(parameter.get("schema"), api));
                        if (wrongValue != null) {
                            cases.add(new Case(operation, method, safePath + "?" + name + "=" + wrongValue, null,
                                    body(op, api)));
                        }
                    }
                }
                JsonNode schema = bodySchema(op, api);
                if (schema != null) {
                    bodyCases(operation, method, safePath, schema, api, cases);
                }
            }
        }
        return cases;
    }

    private void bodyCases(String operation, String method, String path, JsonNode schema, JsonNode api,
            List<Case> cases) {
        ObjectNode valid = (ObjectNode) example(schema, api, 0);
        String json = "application/json";
        cases.add(new Case(operation, method, path, json, bytes("{\"name\": ")));
        cases.add(new Case(operation, method, path, json, bytes("[]")));
        cases.add(new Case(operation, method, path, json, bytes("")));
        cases.add(new Case(operation, method, path, "text/plain", bytes(valid.toString())));
        cases.add(new Case(operation, method, path, json,
                bytes("{\"huge\":\"" + "a".repeat(200_000) + "\"}")));
        ObjectNode unknown = valid.deepCopy();
        unknown.put("rigplaneUnknownField", 1);
        cases.add(new Case(operation, method, path, json, bytes(unknown.toString())));
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.writeBytes(bytes("{\"name\":\"bad"));
        invalidUtf8.write(0xC3);
        invalidUtf8.write(0x28);
        invalidUtf8.write(0xFF);
        invalidUtf8.writeBytes(bytes("\"}"));
        cases.add(new Case(operation, method, path, json, invalidUtf8.toByteArray()));
        for (Map.Entry<String, JsonNode> property : resolve(schema, api).path("properties").properties()) {
            JsonNode propertySchema = resolve(property.getValue(), api);
            for (JsonNode wrongType : wrongTypes(propertySchema)) {
                ObjectNode mutated = valid.deepCopy();
                mutated.set(property.getKey(), wrongType);
                cases.add(new Case(operation, method, path, json, bytes(mutated.toString())));
            }
            if (property.getKey().toLowerCase().endsWith("name") && "string".equals(type(propertySchema))) {
                for (String hostile : HOSTILE) {
                    ObjectNode mutated = valid.deepCopy();
                    mutated.put(property.getKey(), hostile);
                    cases.add(new Case(operation, method, path, json, bytes(mutated.toString())));
                }
            }
        }
    }

    /** A value of the schema's shape, so that one mutation at a time is what makes a request bad. */
    JsonNode example(JsonNode schema, JsonNode api, int depth) {
        JsonNode resolved = resolve(schema, api);
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        switch (type(resolved)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    resolved.path("properties").properties()
                            .forEach(p -> object.set(p.getKey(), example(p.getValue(), api, depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(example(resolved.path("items"), api, depth + 1));
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.stringNode("date-time".equals(resolved.path("format").asString(""))
                        ? "2999-01-01T00:00:00Z" : "x");
            }
        }
    }

    /** Values Jackson will not coerce into the schema's type. */
    static List<JsonNode> wrongTypes(JsonNode schema) {
        ObjectNode object = NODES.objectNode();
        object.put("nested", 1);
        return switch (type(schema)) {
            case "object" -> List.of(NODES.stringNode("text"), NODES.arrayNode().add(1));
            case "array" -> List.of(NODES.stringNode("text"), object);
            case "integer", "number" -> List.of(NODES.stringNode("many"), object, NODES.numberNode(1e300));
            case "boolean" -> List.of(NODES.stringNode("perhaps"), object);
            default -> "date-time".equals(schema.path("format").asString("")) || schema.has("enum")
                    ? List.of(NODES.stringNode("not-valid"), object, NODES.arrayNode())
                    : List.of(object, NODES.arrayNode().add("a"));
        };
    }

    static String wrongQueryValue(JsonNode schema) {
        if (schema.has("enum") || "date-time".equals(schema.path("format").asString(""))) {
            return "not-valid";
        }
        return switch (type(schema)) {
            case "integer", "number" -> "many";
            case "boolean" -> "perhaps";
            default -> null;
        };
    }

    private static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").isArray() ? schema.get("type").get(0).asString() : schema.get("type").asString();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private byte[] body(JsonNode op, JsonNode api) {
        JsonNode schema = bodySchema(op, api);
        return schema == null ? null : bytes(example(schema, api, 0).toString());
    }

    private static JsonNode bodySchema(JsonNode op, JsonNode api) {
        JsonNode content = op.path("requestBody").path("content");
        return content.has("application/json") ? content.get("application/json").get("schema") : null;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode api) {
        JsonNode current = schema;
        while (current != null && current.has("$ref")) {
            String name = current.get("$ref").asString().substring("#/components/schemas/".length());
            current = api.get("components").get("schemas").get(name);
        }
        return current == null ? NODES.objectNode() : current;
    }

    /** Substitutes path parameters: the one under test gets the bad value, others an absent name. */
    private static String fill(String template, List<JsonNode> parameters, String target, String value) {
        String path = template;
        for (JsonNode parameter : parameters) {
            String name = parameter.get("name").asString();
            if (!parameter.get("in").asString().equals("path")) {
                continue;
            }
            String filled = name.equals(target) ? (value.startsWith("%") ? value
                    : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"))
                    : ("integer".equals(type(parameter.get("schema"))) ? "987654321" : "bad-input-absent");
            path = path.replace("{" + name + "}", filled);
        }
        return path;
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public' "
                + "and table_type = 'BASE TABLE' and table_name not in ('audit_event', 'auth_failure', "
                + "'flyway_schema_history', "
                // the signed-in test user's own session bookkeeping, not something a refused request stored
                + "'dashboard_session', 'sign_in_lock', "
                // Quartz's record of a trigger firing right now: it comes and goes with the clock, not with requests
                + "'qrtz_fired_triggers') order by table_name", String.class)
                .forEach(table -> counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
        return counts;
    }

    private long successfulAudits() {
        return jdbc.queryForObject("select count(*) from audit_event where outcome = 'SUCCESS' "
                + "and action not in ('login')", Long.class);
    }

    private String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> send(Case badCase) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + badCase.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN)
                .method(badCase.method(), badCase.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(badCase.body()));
        if (badCase.body() != null) {
            request.header("Content-Type", badCase.contentType() == null ? "application/json" : badCase.contentType());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
