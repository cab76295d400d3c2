package io.rigplane.streamhost.apollo;

import io.rigplane.streamhost.StreamHostException;
import io.rigplane.streamhost.readiness.StreamHostPorts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apollo's HTTPS config API ({@code /api/...} on the web port). Apollo keeps a single login
 * session and logging in ends the previous one (the admin's browser included), so Rigplane logs
 * in only when it has no cookie for a host, keeps the cookie, and logs in again on a 401.
 */
@Component
class ApolloConfigClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).sslContext(StreamHostTls.acceptingSelfSigned()).build();
    private final Map<String, LoginSession> sessions = new ConcurrentHashMap<>();

    /** One stream host's config API, reached with one login. */
    Host at(String address, int webPort, ApolloCredentials login) {
        return new Host(StreamHostPorts.authority(address, webPort), login);
    }

    final class Host {
        private final String authority;
        private final ApolloCredentials login;
        private final LoginSession session;

        private Host(String authority, ApolloCredentials login) {
            this.authority = authority;
            this.login = login;
            this.session = sessions.computeIfAbsent(authority, key -> new LoginSession());
        }

        List<JsonNode> clients() {
            JsonNode certs = call("GET", "/api/clients/list", null).path("named_certs");
            return certs.isArray() ? certs.valueStream().toList() : List.of();
        }

        void updateClient(Map<String, Object> client) {
            expectStatus(call("POST", "/api/clients/update", client), "POST /api/clients/update");
        }

        /** A one-time pairing code for a device, valid three minutes. */
        String otp(String passphrase, String deviceName) {
            JsonNode answer = call("POST", "/api/otp", Map.of("passphrase", passphrase, "deviceName", deviceName));
            String pin = answer.path("otp").asString("");
            if (!pin.matches("\\d{4,8}")) {
                throw new StreamHostException("Apollo at " + authority + " gave no one-time pairing code: "
                        + message(answer));
            }
            return pin;
        }

        JsonNode apps() {
            return call("GET", "/api/apps", null);
        }

        private JsonNode call(String method, String path, @Nullable Object body) {
            String cookie = session.cookie(this);
            HttpResponse<String> response = send(method, path, body, cookie);
            if (response.statusCode() == 401) {
                response = send(method, path, body, session.renew(this, cookie));
            }
            JsonNode answer = parse(response.body());
            if (response.statusCode() == 401) {
                throw StreamHostException.credentialsRefused("Apollo at " + authority + " refused the session right after"
                        + " logging in as '" + login.username() + "' (" + method + " " + path + ")");
            }
            if (response.statusCode() >= 300) {
                throw new StreamHostException("Apollo at " + authority + " answered " + response.statusCode() + " to "
                        + method + " " + path + ": " + message(answer));
            }
            return answer;
        }

        private void expectStatus(JsonNode answer, String what) {
            if (answer.has("status") && !answer.path("status").asBoolean(false)) {
                throw new StreamHostException("Apollo at " + authority + " refused " + what + ": " + message(answer));
            }
        }

        /** Logs in and returns the session cookie; a 401 means the username or password is wrong. */
        String logIn() {
            HttpResponse<String> response = send("POST", "/api/login",
                    Map.of("username", login.username(), "password", login.password()), null);
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw StreamHostException.credentialsRefused("Apollo at " + authority + " refused the login of user '"
                        + login.username() + "': wrong username or password (set them in the profile's stream-host"
                        + " settings or RIGPLANE_APOLLO_USERNAME / RIGPLANE_APOLLO_PASSWORD)");
            }
            if (response.statusCode() >= 300) {
                throw new StreamHostException("Apollo at " + authority + " answered " + response.statusCode()
                        + " to its login: " + message(parse(response.body())));
            }
            return response.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0].strip())
                    .filter(c -> c.contains("=")).reduce((a, b) -> a + "; " + b)
                    .orElseThrow(() -> new StreamHostException("Apollo at " + authority
                            + " accepted the login but set no session cookie"));
        }

        private HttpResponse<String> send(String method, String path, @Nullable Object body, @Nullable String cookie) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://" + authority + path))
                    .timeout(REQUEST_TIMEOUT)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (HttpConnectTimeoutException e) {
                throw new StreamHostException("Apollo's config API at " + authority + " did not accept a connection within "
                        + CONNECT_TIMEOUT.toSeconds() + " s (" + method + " " + path + ")");
            } catch (HttpTimeoutException e) {
                throw new StreamHostException("Apollo's config API at " + authority + " did not answer " + method + " "
                        + path + " within " + REQUEST_TIMEOUT.toSeconds() + " s");
            } catch (ConnectException e) {
                throw new StreamHostException("Apollo's config API at " + authority + " cannot be reached: connection refused"
                        + " (is Apollo running, and its web UI on this port?)");
            } catch (IOException e) {
                throw new StreamHostException("Apollo's config API at " + authority + " failed on " + method + " " + path
                        + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamHostException("interrupted while calling Apollo at " + authority);
            }
        }
    }

    /**
     * The cookie of one host and the login it was made with; renewing it is serialized, so callers
     * do not log each other out. Changed credentials log in again: a cookie must not hide a wrong password.
     */
    private static final class LoginSession {
        private @Nullable String cookie;
        private @Nullable ApolloCredentials madeWith;

        synchronized String cookie(Host host) {
            if (cookie == null || !host.login.equals(madeWith)) {
                cookie = null;
                cookie = host.logIn();
                madeWith = host.login;
            }
            return cookie;
        }

        /** A new login, unless another caller already replaced the cookie that was refused. */
        synchronized String renew(Host host, String refused) {
            if (cookie == null || cookie.equals(refused) || !host.login.equals(madeWith)) {
                cookie = null;
                cookie = host.logIn();
                madeWith = host.login;
            }
            return cookie;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.createObjectNode().put("error", "not JSON: " + abbreviate(body));
        }
    }

    private static String message(JsonNode answer) {
        return Optional.ofNullable(answer.get("error")).or(() -> Optional.ofNullable(answer.get("message")))
                .map(JsonNode::asString).orElse("no reason given");
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
