package io.rigplane.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.operation.OperationFailed;
import io.rigplane.provisioning.DriftFound;
import io.rigplane.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Targets told over real HTTP (a listener this test starts): signed webhooks, ntfy and Discord
 * shapes, retries with growing pauses, order per target, pausing and resuming, the test endpoint,
 * one delivery per notification with two workers on one database, and secrets kept out of every answer.
 */
@NotificationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class NotificationDeliveryTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DeliveryStore deliveries;

    @Autowired
    TargetStore targets;

    @Autowired
    TargetSender sender;

    @Autowired
    NotificationProperties properties;

    @Autowired
    Clock clock;

    Api api;
    Listener listener;

    @BeforeAll
    void listen() throws Exception {
        listener = Listener.start();
    }

    @AfterAll
    void stop() {
        listener.close();
    }

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void aWebhookCarriesTheEventsItWantsSignedOverTheExactBody() {
        String secret = "hook-secret-" + UUID.randomUUID();
        long id = target("signed", "webhook", listener.url("/signed"), secret, "[\"operation.failed\"]");

        events.publishEvent(new DriftFound("unwanted-profile", 1, null));
        events.publishEvent(new OperationFailed(UUID.randomUUID(), "start", "signed-profile", "the task failed"));

        Listener.Received request = listener.await("/signed", 1, Duration.ofSeconds(20)).get(0);
        assertThat(request.header("X-Rigplane-Signature")).isEqualTo("sha256=" + hmac(request.body(), secret));
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("X-Rigplane-Event")).isEqualTo("operation.failed");
        JsonNode body = request.json();
        assertThat(body.get("event").asString()).isEqualTo("operation.failed");
        assertThat(body.get("subject").asString()).isEqualTo("signed-profile");
        assertThat(body.get("message").asString()).isEqualTo("the task failed");
        assertThat(body.get("delivery").asLong()).isEqualTo(Long.parseLong(request.header("X-Rigplane-Delivery")));
        // the drift event came first, but this target did not ask for it
        Listener.sleep(500);
        assertThat(listener.received("/signed")).hasSize(1);
        JsonNode log = api.get("/api/v1/notifications/deliveries?target=" + id).json();
        assertThat(log.get("total").asLong()).isEqualTo(1);
        assertThat(log.get("items").get(0).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(log.get("items").get(0).get("responseCode").asInt()).isEqualTo(200);
    }

    @Test
    void failuresAreRetriedWithGrowingPausesWhileLaterNotificationsWaitTheirTurn() {
        long id = target("ordered", "webhook", listener.url("/ordered"), "s3cret-ordered", "[]");
        listener.script("/ordered", 500, 500);

        for (String name : List.of("first", "second", "third")) {
            events.publishEvent(new OperationFailed(UUID.randomUUID(), "apply", name, "failed " + name));
        }

        List<Listener.Received> arrived = listener.await("/ordered", 5, Duration.ofSeconds(30));
        assertThat(arrived).extracting(r -> r.json().get("subject").asString())
                .containsExactly("first", "first", "first", "second", "third");
        long firstPause = arrived.get(1).nanos() - arrived.get(0).nanos();
        long secondPause = arrived.get(2).nanos() - arrived.get(1).nanos();
        // back-off of 400 ms, then 800 ms (doubling), give or take the 100 ms poll
        assertThat(Duration.ofNanos(firstPause)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        assertThat(Duration.ofNanos(secondPause)).isGreaterThanOrEqualTo(Duration.ofMillis(790));
        assertThat(secondPause).isGreaterThan(firstPause);
        JsonNode first = oldest(id);
        assertThat(first.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(first.get("attempts").asInt()).isEqualTo(3);
        assertThat(first.get("responseCode").asInt()).isEqualTo(200);
        assertThat(api.get("/api/v1/notifications/targets/" + id).json().get("state").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aTargetThatKeepsFailingIsPausedAndResumingSendsItsQueueInOrder() {
        long id = target("flaky", "webhook", listener.url("/flaky"), "s3cret-flaky", "[]");
        listener.script("/flaky", 500, 502, 503, 500);
        events.publishEvent(new OperationFailed(UUID.randomUUID(), "apply", "one", "x"));
        events.publishEvent(new OperationFailed(UUID.randomUUID(), "apply", "two", "y"));

        listener.await("/flaky", 4, Duration.ofSeconds(30));
        JsonNode target = awaitState(id, "PAUSED");
        assertThat(target.get("pauseReason").asString()).contains("4 deliveries failed in a row").contains("HTTP 500");
        assertThat(target.get("pending").asLong()).isEqualTo(2);
        // paused: nothing more goes, though the listener would answer 200 now
        Listener.sleep(2500);
        assertThat(listener.received("/flaky")).hasSize(4);
        assertThat(oldest(id).get("responseCode").asInt()).isEqualTo(500);

        Api.Reply resumed = api.post("/api/v1/notifications/targets/" + id + "/resume", null);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("state").asString()).isEqualTo("ACTIVE");

        List<Listener.Received> arrived = listener.await("/flaky", 6, Duration.ofSeconds(20));
        assertThat(arrived.subList(4, 6)).extracting(r -> r.json().get("subject").asString())
                .containsExactly("one", "two");
        assertThat(api.get("/api/v1/notifications/targets/" + id).json().get("consecutiveFailures").asInt()).isZero();
    }

    @Test
    void theTestEndpointSendsOneNowAndAnswersHowItWent() {
        long working = target("tested", "webhook", listener.url("/tested"), "s3cret-tested", "[\"drift.found\"]");
        long broken = target("broken", "webhook", listener.url("/broken"), "s3cret-broken", "[]");
        listener.script("/broken", 503);

        Api.Reply sent = api.post("/api/v1/notifications/targets/" + working + "/test", null);
        Api.Reply failed = api.post("/api/v1/notifications/targets/" + broken + "/test", null);

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(sent.json().get("responseCode").asInt()).isEqualTo(200);
        assertThat(listener.received("/tested")).singleElement()
                .satisfies(r -> assertThat(r.json().get("event").asString()).isEqualTo("test"));
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.json().get("responseCode").asInt()).isEqualTo(503);
        // a test is not queued: it is not sent again, and the target is not a failure closer to pausing
        Listener.sleep(1000);
        assertThat(listener.received("/broken")).hasSize(1);
        assertThat(api.get("/api/v1/notifications/targets/" + broken).json().get("consecutiveFailures").asInt()).isZero();
        assertThat(api.post("/api/v1/notifications/targets/987654321/test", null).status()).isEqualTo(404);
    }

    @Test
    void ntfyGetsItsJsonPublishWithTopicPriorityTagsAndToken() {
        String token = "tk_" + UUID.randomUUID().toString().replace("-", "");
        Api.Reply created = api.post("/api/v1/notifications/targets", """
                {"name": "phone", "kind": "ntfy", "url": "%s", "secret": "%s", "priority": 5, "tags": ["rotating_light"]}"""
                .formatted(listener.url("/ntfy/homelab-alerts"), token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        events.publishEvent(new DriftFound("ntfy-profile", 2, null));

        Listener.Received request = listener.await("/ntfy/", 1, Duration.ofSeconds(20)).get(0);
        JsonNode body = request.json();
        assertThat(body.get("topic").asString()).isEqualTo("homelab-alerts");
        assertThat(body.get("title").asString()).isEqualTo("Drift found on ntfy-profile");
        assertThat(body.get("message").asString()).contains("2 changes");
        assertThat(body.get("priority").asInt()).isEqualTo(5);
        assertThat(body.get("tags").get(0).asString()).isEqualTo("rotating_light");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void discordGetsAMessageWithAnEmbedAndNoMentions() {
        long id = target("discord", "discord", listener.url("/discord/webhooks/1/abc"), null, "[]");

        events.publishEvent(new OperationFailed(UUID.randomUUID(), "snapshot", "@everyone", "disk full"));

        JsonNode body = listener.await("/discord/webhooks/1/abc", 1, Duration.ofSeconds(20)).get(0).json();
        assertThat(body.get("content").asString()).isEqualTo("Operation snapshot on @everyone failed");
        assertThat(body.get("embeds").get(0).get("description").asString()).isEqualTo("disk full");
        assertThat(body.get("allowed_mentions").get("parse")).isEmpty();
        assertThat(api.get("/api/v1/notifications/targets/" + id).json().get("hasSecret").asBoolean()).isFalse();
    }

    @Test
    void twoReplicasDeliverEachNotificationExactlyOnceAndInOrder() throws Exception {
        long id = target("shared", "webhook", listener.url("/shared"), "s3cret-shared", "[]");
        // each request takes a while, so the workers really overlap
        listener.delay(Duration.ofMillis(20));
        int count = 40;
        try {
            // a second and a third worker beside this replica's own, as other replicas would run them
            DeliveryWorker second = new DeliveryWorker(jdbc, transactions, deliveries, targets, sender, properties, clock);
            DeliveryWorker third = new DeliveryWorker(jdbc, transactions, deliveries, targets, sender, properties, clock);
            ExecutorService replicas = Executors.newFixedThreadPool(2);
            List<Future<?>> running = new ArrayList<>();
            for (DeliveryWorker worker : List.of(second, third)) {
                running.add(replicas.submit(() -> {
                    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                    while (pending(id) > 0 && System.nanoTime() < deadline) {
                        worker.deliverDue();
                    }
                }));
            }
            for (int i = 0; i < count; i++) {
                events.publishEvent(new OperationFailed(UUID.randomUUID(), "apply", "n" + i, "e"));
            }
            listener.await("/shared", count, Duration.ofSeconds(40));
            for (Future<?> worker : running) {
                worker.get();
            }
            replicas.shutdown();
            Listener.sleep(500);
        } finally {
            listener.delay(Duration.ZERO);
        }
        List<String> subjects = listener.received("/shared").stream().map(r -> r.json().get("subject").asString())
                .toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add("n" + i);
        }
        assertThat(subjects).containsExactlyElementsOf(expected);
    }

    @Test
    void noSecretShowsInAnswersTheLogTheDatabaseOrTheOutput(CapturedOutput output) {
        String secret = "never-show-" + UUID.randomUUID();
        String replaced = "also-never-" + UUID.randomUUID();
        long id = target("secretive", "webhook", listener.url("/secretive"), secret, "[]");
        listener.script("/secretive", 500);
        events.publishEvent(new OperationFailed(UUID.randomUUID(), "apply", "secretive-profile", "boom"));
        listener.await("/secretive", 2, Duration.ofSeconds(20));
        Api.Reply tested = api.post("/api/v1/notifications/targets/" + id + "/test", null);
        Api.Reply updated = api.put("/api/v1/notifications/targets/" + id, """
                {"name": "secretive", "kind": "webhook", "url": "%s", "secret": "%s"}"""
                .formatted(listener.url("/secretive"), replaced));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);

        List<String> answers = List.of(api.get("/api/v1/notifications/targets").body(),
                api.get("/api/v1/notifications/targets/" + id).body(), updated.body(), tested.body(),
                api.get("/api/v1/notifications/deliveries?size=200").body(),
                jdbc.sql("select string_agg(secret_sealed, ',') from notification_target").query(String.class).single(),
                jdbc.sql("select string_agg(payload || coalesce(error, ''), ',') from notification_delivery")
                        .query(String.class).single(),
                jdbc.sql("select string_agg(coalesce(detail, ''), ',') from audit_event").query(String.class).single(),
                output.getAll());
        for (String answer : answers) {
            assertThat(answer).doesNotContain(secret).doesNotContain(replaced);
        }
        assertThat(updated.json().get("hasSecret").asBoolean()).isTrue();
        assertThat(updated.json().has("secret")).isFalse();
        // the new secret signs from now on
        Listener.Received test = listener.received("/secretive").get(listener.received("/secretive").size() - 1);
        assertThat(test.header("X-Rigplane-Signature")).isEqualTo("sha256=" + hmac(test.body(), secret));
        api.post("/api/v1/notifications/targets/" + id + "/test", null);
        List<Listener.Received> all = listener.received("/secretive");
        Listener.Received last = all.get(all.size() - 1);
        assertThat(last.header("X-Rigplane-Signature")).isEqualTo("sha256=" + hmac(last.body(), replaced));
    }

    @Test
    void badTargetsAreRefusedWithEveryBrokenRuleAndStoreNothing() {
        long before = jdbc.sql("select count(*) from notification_target").query(Long.class).single();
        Api.Reply refused = api.post("/api/v1/notifications/targets", """
                {"name": "", "kind": "email", "url": "ftp://example.org/x", "events": ["operation.failed", "nope"],
                 "priority": 9}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("name", "kind", "url", "events[1]", "priority");
        Api.Reply noSecret = api.post("/api/v1/notifications/targets",
                "{\"name\": \"unsigned\", \"kind\": \"webhook\", \"url\": \"https://example.org/hook\"}");
        assertThat(noSecret.status()).isEqualTo(400);
        assertThat(noSecret.body()).contains("secret");
        Api.Reply credentials = api.post("/api/v1/notifications/targets",
                "{\"name\": \"userinfo\", \"kind\": \"discord\", \"url\": \"https://user:pw@example.org/hook\"}");
        assertThat(credentials.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/notifications/deliveries?status=LOST").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/notifications/deliveries?size=0").status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from notification_target").query(Long.class).single()).isEqualTo(before);

        String taken = "{\"name\": \"taken\", \"kind\": \"discord\", \"url\": \"https://discord.example/api/webhooks/2/y\"}";
        assertThat(api.post("/api/v1/notifications/targets", taken).status()).isEqualTo(201);
        Api.Reply twice = api.post("/api/v1/notifications/targets", taken);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
    }

    private long target(String name, String kind, String url, String secret, String events) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/notifications/targets", """
                {"name": "%s", "kind": "%s", "url": "%s", %s "events": %s}""".formatted(unique, kind, url,
                secret == null ? "" : "\"secret\": \"" + secret + "\",", events));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/" + created.json().get("id")));
        return created.json().get("id").asLong();
    }

    private long pending(long target) {
        return jdbc.sql("select count(*) from notification_delivery where target_id = ? and status = 'PENDING'")
                .param(target).query(Long.class).single();
    }

    /** The oldest entry of the target's delivery log (the log lists the newest first). */
    private JsonNode oldest(long target) {
        JsonNode items = api.get("/api/v1/notifications/deliveries?target=" + target).json().get("items");
        return items.get(items.size() - 1);
    }

    private JsonNode awaitState(long target, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode found = api.get("/api/v1/notifications/targets/" + target).json();
            if (found.get("state").asString().equals(state)) {
                return found;
            }
            Listener.sleep(100);
        }
        throw new AssertionError("target " + target + " never " + state);
    }

    static String hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
