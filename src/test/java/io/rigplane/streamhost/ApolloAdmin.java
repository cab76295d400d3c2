package io.rigplane.streamhost;

import io.rigplane.streamhost.apollo.StreamHostTls;
import io.rigplane.streamhost.readiness.StreamHostPorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person at Apollo's web UI, for tests: logs in for every call, as a browser tab would after
 * Rigplane's login ended its session (and so ends Rigplane's).
 */
final class ApolloAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().sslContext(StreamHostTls.acceptingSelfSigned()).build();
    private final String base;

    ApolloAdmin(ReadyStreamHost host) {
        this.base = "https://" + StreamHostPorts.authority(host.address(), host.httpPort() + 1);
    }

    List<JsonNode> clients() {
        return call("GET", "/api/clients/list", null).get("named_certs").valueStream().toList();
    }

    JsonNode client(String name) {
        return clients().stream().filter(c -> c.get("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("Apollo lists no client named " + name + ": " + clients()));
    }

    JsonNode apps() {
        return call("GET", "/api/apps", null);
    }

    void update(Map<String, Object> client) {
        call("POST", "/api/clients/update", client);
    }

    private JsonNode call(String method, String path, Object body) {
        String cookie = send("POST", "/api/login", Map.of("username", "admin", "password", "admin"), null)
                .headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        HttpResponse<String> response = send(method, path, body, cookie);
        if (response.statusCode() != 200) {
            throw new AssertionError(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, Object body, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        request.header("Content-Type", "application/json");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
