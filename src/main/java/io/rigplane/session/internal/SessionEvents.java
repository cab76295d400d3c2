package io.rigplane.session.internal;

import io.rigplane.system.live.LiveEvent;
import io.rigplane.system.live.LiveHistory;
import io.rigplane.system.live.LiveSource;
import io.rigplane.system.live.LiveStream;
import io.rigplane.system.live.LiveStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams each state change of a session as a server-sent event: a {@code state} event per
 * transition, with the session as it stood then and the transition's number as its id. The
 * transitions are read from the database, so the stream sees the work of every replica.
 */
@Component
public class SessionEvents {

    static final Duration POLL = Duration.ofMillis(100);
    static final Duration LIMIT = Duration.ofHours(12);

    private final LiveStream<UUID> stream;

    SessionEvents(SessionStore store, LiveStreams streams) {
        this.stream = streams.open("session", new Source(store), POLL, LIMIT);
    }

    /** Follows the session from the transition after the one the client saw last ({@code Last-Event-ID}). */
    public SseEmitter follow(UUID id, @Nullable String lastEventId) {
        return stream.subscribe(id, lastEventId);
    }

    private static final class Source implements LiveSource<UUID> {

        private final SessionStore store;

        Source(SessionStore store) {
            this.store = store;
        }

        @Override
        public Map<UUID, Long> positions(Set<UUID> ids) {
            return store.transitionCounts(ids);
        }

        @Override
        public Optional<LiveHistory> read(UUID id) {
            return store.find(id).map(session -> {
                List<StreamSession.Transition> transitions = session.transitions();
                List<LiveEvent> events = new ArrayList<>();
                for (int index = 0; index < transitions.size(); index++) {
                    events.add(new LiveEvent(index + 1, "state", asAfter(session, index)));
                }
                return new LiveHistory(events,
                        !transitions.isEmpty() && transitions.get(transitions.size() - 1).state().finished());
            });
        }

        /** The session as it stood right after its transition number {@code index + 1}. */
        private static StreamSession asAfter(StreamSession session, int index) {
            List<StreamSession.Transition> transitions = session.transitions();
            StreamSession.Transition transition = transitions.get(index);
            return new StreamSession(session.id(), session.profile(), session.device(),
                    session.requestedBy(), session.clientName(), transition.state(), session.reason(),
                    transition.state() == SessionState.REQUESTED ? session.queuePosition() : null,
                    session.createdAt(), session.readyAt(), session.endedAt(), session.lastActivityAt(),
                    SessionState.STREAMABLE.contains(transition.state()) ? session.connection() : null,
                    List.copyOf(transitions.subList(0, index + 1)), session.operationId(), session.placement());
        }
    }
}
