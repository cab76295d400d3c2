package io.rigplane.operation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.rigplane.access.Actor;
import io.rigplane.operation.OperationRequest;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import io.rigplane.support.TestOperationHandlers;
import io.rigplane.system.ProblemTypes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An operation's server-sent events: resumed with Last-Event-ID, and served to many by one poller. */
@IntegrationTest
@TestPropertySource(properties = "rigplane.live-streams.max-subscribers=" + OperationEventsTest.MAX_STREAMS)
class OperationEventsTest {

    static final int MAX_STREAMS = 10;

    private static final Actor ADMIN = new Actor(Actor.Type.USER, "admin");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Operations operations;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void aStreamResumedWithLastEventIdSendsWhatChangedSinceAndNothingSeenBefore() {
        OperationView submitted = submit(Map.of("steps", "3", "sleepMillis", "700"));

        EventStream dropped = follow(submitted.id(), null, 1);
        dropped.awaitEnd();
        assertThat(dropped.events).hasSize(1);
        long seen = dropped.events.get(0).id();
        await(() -> operations.get(submitted.id()).version() >= seen + 2, "the operation to move on twice");
        long versionWhenBack = operations.get(submitted.id()).version();

        EventStream resumed = follow(submitted.id(), Long.toString(seen), Integer.MAX_VALUE);
        resumed.awaitEnd();

        List<Long> ids = resumed.events.stream().map(Event::id).toList();
        assertThat(ids).as("nothing seen before is sent again").isNotEmpty().allMatch(id -> id > seen);
        assertThat(ids).as("ids grow").isSorted().doesNotHaveDuplicates();
        assertThat(ids.get(0)).as("what changed while away comes first").isGreaterThanOrEqualTo(versionWhenBack);
        assertThat(resumed.events).allMatch(event -> event.name().equals("operation"));
        Event last = resumed.events.get(resumed.events.size() - 1);
        assertThat(last.data().get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(last.data().get("steps")).hasSize(3);
        assertThat(last.data().get("id").asString()).isEqualTo(submitted.id().toString());

        EventStream afterTheEnd = follow(submitted.id(), Long.toString(last.id()), Integer.MAX_VALUE);
        afterTheEnd.awaitEnd();
        assertThat(afterTheEnd.status()).isEqualTo(200);
        assertThat(afterTheEnd.events).as("a client that saw the end gets nothing more").isEmpty();

        EventStream late = follow(submitted.id(), Long.toString(seen), Integer.MAX_VALUE);
        late.awaitEnd();
        assertThat(late.events).extracting(Event::id).containsExactly(last.id());
    }

    @Test
    void manyFollowersOfAnOperationAreServedByOnePollerAndTheOneTooManyIsRefused() {
        await(() -> gauge("rigplane.live.subscribers") == 0, "the streams of other tests to end");
        OperationView submitted = submit(Map.of("steps", "6", "sleepMillis", "1000"));
        List<EventStream> followers = new ArrayList<>();
        for (int i = 0; i < MAX_STREAMS; i++) {
            followers.add(follow(submitted.id(), null, Integer.MAX_VALUE));
        }
        await(() -> gauge("rigplane.live.subscribers") == MAX_STREAMS, "every follower's stream to open");

        Api.Reply refused = Api.at(port).get("/api/v1/operations/" + submitted.id() + "/events",
                "Accept", "text/event-stream");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).hasValue("5");
        assertThat(refused.json().get("type").asString()).isEqualTo(ProblemTypes.BASE + "too-many-streams");

        await(() -> followers.stream().allMatch(follower -> !follower.events.isEmpty()), "every follower's first event");
        double polls = counter("rigplane.live.polls");
        double reads = counter("rigplane.live.reads");
        long version = operations.get(submitted.id()).version();
        long started = System.nanoTime();
        followers.forEach(EventStream::awaitEnd);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long changes = operations.get(submitted.id()).version() - version;

        for (EventStream follower : followers) {
            List<Event> events = follower.events;
            assertThat(events).extracting(Event::id).isSorted().doesNotHaveDuplicates();
            assertThat(events.get(events.size() - 1).data().get("state").asString()).isEqualTo("SUCCEEDED");
        }
        assertThat(changes).as("the operation changed while followed").isGreaterThanOrEqualTo(3);
        // one poller: a tick reads a moved operation once for all its followers, so never more reads
        // than changes (plus one for followers that had caught up at different versions)
        assertThat(counter("rigplane.live.reads") - reads)
                .as("reads of the operation for %d followers and %d changes", MAX_STREAMS, changes)
                .isBetween(1.0, changes + 1.0);
        assertThat(counter("rigplane.live.polls") - polls)
                .as("queries of what changed in %d ms, ticks of %d ms", elapsedMillis, OperationEvents.POLL.toMillis())
                .isLessThanOrEqualTo(elapsedMillis / (double) OperationEvents.POLL.toMillis() + 2);
        await(() -> gauge("rigplane.live.subscribers") == 0, "the finished operation's streams to be let go");
    }

    private OperationView submit(Map<String, String> params) {
        return operations.submit(new OperationRequest(TestOperationHandlers.KIND, "sse-" + UUID.randomUUID(), params,
                ADMIN, null));
    }

    private double counter(String name) {
        return meters.get(name).tag("stream", "operation").counter().count();
    }

    private double gauge(String name) {
        return meters.get(name).tag("stream", "operation").gauge().value();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Opens the operation's stream and reads up to {@code maxEvents} events, then hangs up. */
    private EventStream follow(UUID id, @Nullable String lastEventId, int maxEvents) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/operations/" + id + "/events"))
                .header("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        EventStream stream = new EventStream();
        stream.end = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    try (Stream<String> lines = response.body()) {
                        stream.read(lines.iterator(), maxEvents);
                    }
                    return response.statusCode();
                });
        return stream;
    }

    record Event(long id, String name, JsonNode data) {
    }

    /** The events of one stream as a client parses them: fields up to a blank line, comments ignored. */
    private static final class EventStream {
        final List<Event> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> end = new CompletableFuture<>();

        void read(Iterator<String> lines, int maxEvents) {
            Long id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            while (events.size() < maxEvents && lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id == null ? -1 : id, name, JSON.readTree(data.toString())));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).trim());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        }

        void awaitEnd() {
            end.orTimeout(30, TimeUnit.SECONDS).join();
        }

        int status() {
            return end.join();
        }
    }
}
