package io.rigplane.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Profiles with VMs to stream from, callers with their own tokens, and waiting for sessions. */
public final class SessionFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Api api;
    private final int port;

    public SessionFixtures(int port) {
        this.api = Api.at(port);
        this.port = port;
    }

    public Api api() {
        return api;
    }

    /** A profile mapping the given GPU (or none), applied: its VM exists and is stopped. */
    public String appliedProfile(String prefix, String gpu) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv02", "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 8192,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 %s "shutdownTimeoutSeconds": 5}""".formatted(name, gpu == null ? "" : "\"gpu\": \"" + gpu + "\","));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Reply applied = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        JsonNode done = api.awaitOperation(applied.json().get("id").asString(), Duration.ofSeconds(60));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return name;
    }

    public void settings(String profile, String json) {
        Api.Reply saved = api.put("/api/v1/profiles/" + profile + "/session-settings", json);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    public int vmid(String profile) {
        return api.get("/api/v1/profiles/" + profile + "/status").json().get("vmid").asInt();
    }

    public String power(String profile) {
        return api.get("/api/v1/profiles/" + profile + "/status").json().get("power").asString();
    }

    /** Waits until the profile's VM is in the given power state, and says whether it got there. */
    boolean awaitPower(String profile, String state, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!power(profile).equals(state)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(200);
        }
        return true;
    }

    /** A caller of its own: a token with the sessions scope, so a different person than the admin. */
    Api anotherPerson() {
        Api.Reply issued = api.post("/api/v1/tokens", """
                {"name": "person-%s", "scopes": ["sessions", "profiles:read"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return api.withToken(issued.json().get("token").asString());
    }

    public static JsonNode open(Api caller, String profile) {
        Api.Reply opened = caller.post("/api/v1/sessions", "{\"profile\": \"" + profile + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        return opened.json();
    }

    public JsonNode awaitState(String id, String... states) {
        return await(id, session -> List.of(states).contains(session.get("state").asString()), Duration.ofSeconds(60));
    }

    JsonNode await(String id, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode session = null;
        while (System.nanoTime() < deadline) {
            session = api.get("/api/v1/sessions/" + id).json();
            if (condition.test(session)) {
                return session;
            }
            sleep(100);
        }
        throw new AssertionError("session did not get there in " + timeout + ": " + session);
    }

    /** Follows a session's server-sent events in the background, collecting each event's data. */
    EventLog follow(String id) {
        return follow(id, null);
    }

    /** Follows as a client that reconnects: after the event whose id it saw last. */
    EventLog follow(String id, @Nullable String lastEventId) {
        EventLog log = new EventLog();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/sessions/" + id + "/events"))
                .header("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    response.body().forEach(line -> {
                        if (line.startsWith("data:")) {
                            log.events.add(JSON.readTree(line.substring(5)));
                        }
                    });
                    log.ended = true;
                });
        return log;
    }

    static final class EventLog {
        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        /** The server ended the stream. */
        volatile boolean ended;

        List<String> states() {
            return events.stream().map(event -> event.get("state").asString()).toList();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
