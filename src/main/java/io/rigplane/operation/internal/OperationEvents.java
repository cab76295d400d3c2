package io.rigplane.operation.internal;

import io.rigplane.system.live.LiveEvent;
import io.rigplane.system.live.LiveHistory;
import io.rigplane.system.live.LiveSource;
import io.rigplane.system.live.LiveStream;
import io.rigplane.system.live.LiveStreams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams an operation's changes as server-sent events: an {@code operation} event with the
 * operation as it stands each time its row's version moves, the version as the event's id. The
 * versions are read from the database, so the stream sees the work of every replica; an operation
 * keeps no history of its states, so a client that resumes gets the latest one if it has not seen it.
 */
@Component
public class OperationEvents {

    static final Duration POLL = Duration.ofMillis(250);
    static final Duration LIMIT = Duration.ofMinutes(30);

    private final LiveStream<UUID> stream;

    public OperationEvents(OperationStore store, LiveStreams streams) {
        this.stream = streams.open("operation", new Source(store), POLL, LIMIT);
    }

    /** Follows the operation from after the event the client saw last ({@code Last-Event-ID}). */
    public SseEmitter follow(UUID id, @Nullable String lastEventId) {
        return stream.subscribe(id, lastEventId);
    }

    private static final class Source implements LiveSource<UUID> {

        private final OperationStore store;

        public Source(OperationStore store) {
            this.store = store;
        }

        @Override
        public Map<UUID, Long> positions(Set<UUID> ids) {
            return store.versions(ids);
        }

        @Override
        public Optional<LiveHistory> read(UUID id) {
            // the version from before the read is the event's id: the operation read may be newer than
            // it (then the next tick sends it again) but never older, so no change goes unsent
            Long version = store.versions(Set.of(id)).get(id);
            if (version == null) {
                return Optional.empty();
            }
            return store.find(id).map(operation -> new LiveHistory(
                    List.of(new LiveEvent(version, "operation", operation)), operation.state().finished()));
        }
    }
}
