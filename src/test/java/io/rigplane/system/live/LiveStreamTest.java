package io.rigplane.system.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The fan-out of a live stream: one poller for all subscribers, resumption by Last-Event-ID, clean ends. */
class LiveStreamTest {

    private static final LiveStreamProperties LIMITS = new LiveStreamProperties(Duration.ofHours(1), 100);

    private final Histories source = new Histories();

    @Test
    void oneQueryATickAndOneReadOfAKeyThatMovedServeAllItsSubscribers() {
        LiveStream<String> stream = stream(LIMITS);
        source.append("op", false);
        List<Recording> followers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            followers.add(subscribe(stream, "op", null));
        }
        int readsToCatchUp = source.reads.get();

        stream.poll();
        assertThat(source.positionQueries.get()).as("one query for the tick").isEqualTo(1);
        assertThat(source.reads.get()).as("nothing moved, nothing read").isEqualTo(readsToCatchUp);

        source.append("op", false);
        source.append("op", true);
        stream.poll();

        assertThat(source.positionQueries.get()).isEqualTo(2);
        assertThat(source.reads.get()).as("one read for ten subscribers").isEqualTo(readsToCatchUp + 1);
        for (Recording follower : followers) {
            assertThat(follower.ids()).containsExactly(1L, 2L, 3L);
            assertThat(follower.completed).isTrue();
        }
        assertThat(stream.subscribers()).isZero();

        stream.poll();
        assertThat(source.positionQueries.get()).as("no subscriber, no query").isEqualTo(2);
    }

    @Test
    void aClientThatResumesGetsWhatItMissedAndNothingItSaw() {
        LiveStream<String> stream = stream(LIMITS);
        source.append("session", false);
        source.append("session", false);
        source.append("session", false);

        Recording resumed = subscribe(stream, "session", "2");
        source.append("session", true);
        stream.poll();

        assertThat(resumed.ids()).containsExactly(3L, 4L);
        assertThat(resumed.completed).isTrue();
    }

    @Test
    void aClientThatSawTheLastEventOfAFinishedKeyGetsAnEmptyStreamThatEnds() {
        LiveStream<String> stream = stream(LIMITS);
        source.append("op", false);
        source.append("op", true);

        Recording resumed = subscribe(stream, "op", "2");

        assertThat(resumed.ids()).isEmpty();
        assertThat(resumed.completed).isTrue();
        assertThat(stream.subscribers()).isZero();
    }

    @Test
    void anIdTheKeyNeverGaveOrNoIdAtAllStartsFromTheBeginning() {
        LiveStream<String> stream = stream(LIMITS);
        source.append("op", false);
        source.append("op", false);

        assertThat(subscribe(stream, "op", "99").ids()).containsExactly(1L, 2L);
        assertThat(subscribe(stream, "op", "not-a-number").ids()).containsExactly(1L, 2L);
        assertThat(subscribe(stream, "op", "-7").ids()).containsExactly(1L, 2L);
        assertThat(subscribe(stream, "op", " 1 ").ids()).containsExactly(2L);
    }

    @Test
    void aKeyThatNoLongerExistsEndsItsStreams() {
        LiveStream<String> stream = stream(LIMITS);
        source.append("op", false);
        Recording follower = subscribe(stream, "op", null);

        source.histories.remove("op");
        stream.poll();

        assertThat(follower.completed).isTrue();
        assertThat(stream.subscribers()).isZero();
    }

    @Test
    void aSilentStreamGetsAHeartbeatAndAClientThatWentAwayIsLetGo() {
        LiveStream<String> stream = stream(new LiveStreamProperties(Duration.ZERO, 100));
        source.append("op", false);
        Recording listening = subscribe(stream, "op", null);
        Recording gone = subscribe(stream, "op", null);
        gone.broken = true;

        stream.poll();

        assertThat(listening.sent).last().asString().startsWith(":keep-alive\n");
        assertThat(gone.failed).isTrue();
        assertThat(stream.subscribers()).isEqualTo(1);
    }

    @Test
    void theNumberOfStreamsIsBoundedAndAnEndedStreamFreesItsPlace() {
        LiveStream<String> stream = stream(new LiveStreamProperties(Duration.ofHours(1), 2));
        source.append("a", false);
        source.append("b", false);
        subscribe(stream, "a", null);
        subscribe(stream, "b", null);

        assertThatThrownBy(() -> subscribe(stream, "a", null)).isInstanceOf(TooManyStreamsException.class)
                .satisfies(e -> assertThat(((TooManyStreamsException) e).status().value()).isEqualTo(503));

        source.append("b", true);
        stream.poll();
        assertThat(subscribe(stream, "a", null).ids()).containsExactly(1L);
        assertThat(stream.subscribers()).isEqualTo(2);
    }

    @Test
    void aDatabaseThatDoesNotAnswerKeepsTheStreamsOpenUntilItDoes() {
        LiveStream<String> stream = stream(LIMITS);
        source.append("op", false);
        Recording follower = subscribe(stream, "op", null);
        source.append("op", true);

        source.down = true;
        stream.poll();
        assertThat(follower.completed).isFalse();
        assertThat(follower.ids()).containsExactly(1L);

        source.down = false;
        stream.poll();
        assertThat(follower.ids()).containsExactly(1L, 2L);
        assertThat(follower.completed).isTrue();
    }

    @Test
    void aClosedStreamEndsItsSubscribersAndTakesNoMore() {
        LiveStream<String> stream = stream(LIMITS);
        source.append("op", false);
        Recording follower = subscribe(stream, "op", null);

        stream.close();
        Recording late = subscribe(stream, "op", null);

        assertThat(follower.completed).isTrue();
        assertThat(late.completed).isTrue();
        assertThat(late.ids()).isEmpty();
        assertThat(stream.subscribers()).isZero();
    }

    @Test
    void streamsStoppedAndStartedAgainServeNewSubscribers() throws InterruptedException {
        // Spring's test framework stops the lifecycle of a cached context it is not using and starts it
        // again when a test class needs it: the streams must come back with it
        LiveStreams streams = new LiveStreams(LIMITS, new SimpleMeterRegistry());
        LiveStream<String> stream = streams.open("test", source, Duration.ofMillis(20), Duration.ofMinutes(1));
        streams.start();
        streams.stop();
        streams.start();
        source.append("op", false);

        Recording follower = subscribe(stream, "op", null);
        source.append("op", true);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!follower.completed && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(follower.ids()).containsExactly(1L, 2L);
        assertThat(follower.completed).isTrue();
        streams.stop();
    }

    /** Everything runs on the test's thread: {@link LiveStream#poll()} is a tick. */
    private LiveStream<String> stream(LiveStreamProperties limits) {
        return new LiveStream<>("test", source, Duration.ofMinutes(1), limits, new SimpleMeterRegistry(), Runnable::run);
    }

    private static Recording subscribe(LiveStream<String> stream, String key, @Nullable String lastEventId) {
        Recording recording = new Recording();
        stream.subscribe(key, lastEventId, recording);
        return recording;
    }

    /** Histories kept in memory, counting the queries a database would have answered. */
    private static final class Histories implements LiveSource<String> {
        final Map<String, List<LiveEvent>> histories = new HashMap<>();
        final Map<String, Boolean> finished = new HashMap<>();
        final AtomicInteger positionQueries = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        volatile boolean down;

        synchronized void append(String key, boolean last) {
            List<LiveEvent> events = histories.computeIfAbsent(key, k -> new ArrayList<>());
            events.add(new LiveEvent(events.size() + 1, "change", key + " #" + (events.size() + 1)));
            finished.put(key, last);
        }

        @Override
        public synchronized Map<String, Long> positions(Set<String> keys) {
            failIfDown();
            positionQueries.incrementAndGet();
            Map<String, Long> positions = new HashMap<>();
            keys.stream().filter(histories::containsKey)
                    .forEach(key -> positions.put(key, (long) histories.get(key).size()));
            return positions;
        }

        @Override
        public synchronized Optional<LiveHistory> read(String key) {
            failIfDown();
            reads.incrementAndGet();
            return Optional.ofNullable(histories.get(key))
                    .map(events -> new LiveHistory(List.copyOf(events), finished.get(key)));
        }

        private void failIfDown() {
            if (down) {
                throw new IllegalStateException("database unavailable");
            }
        }
    }

    /** An emitter that keeps what it was sent, as the text a client would read. */
    private static final class Recording extends SseEmitter {
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile boolean completed;
        volatile boolean failed;
        volatile boolean broken;

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
            StringBuilder text = new StringBuilder();
            builder.build().forEach(part -> text.append(part.getData()));
            sent.add(text.toString());
        }

        @Override
        public synchronized void complete() {
            completed = true;
            super.complete();
        }

        @Override
        public synchronized void completeWithError(Throwable ex) {
            failed = true;
            super.completeWithError(ex);
        }

        List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            for (String event : sent) {
                event.lines().filter(line -> line.startsWith("id:"))
                        .forEach(line -> ids.add(Long.parseLong(line.substring(3))));
            }
            return ids;
        }
    }
}
