package io.rigplane.session;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams each state change of a session as a server-sent event. One poller per replica reads
 * the transitions table (so it sees the work of every replica) and tells only the streams of the
 * sessions that changed; with no stream open it does not query at all.
 */
@Component
class SessionEvents {

    private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);
    static final Duration POLL = Duration.ofMillis(100);
    static final Duration LIMIT = Duration.ofHours(12);

    private final Sessions sessions;
    private final SessionStore store;
    private final Map<UUID, List<Follower>> followers = new ConcurrentHashMap<>();
    private final AtomicLong seen = new AtomicLong(-1);
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "session-events");
        thread.setDaemon(true);
        return thread;
    });

    SessionEvents(Sessions sessions, SessionStore store) {
        this.sessions = sessions;
        this.store = store;
        poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Follows the session from the transition after {@code alreadySeen} (0: from the start). */
    SseEmitter follow(UUID id, int alreadySeen) {
        SseEmitter emitter = new SseEmitter(LIMIT.toMillis());
        Follower follower = new Follower(id, emitter, alreadySeen);
        followers.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(follower);
        Runnable stop = () -> forget(follower);
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        poller.execute(() -> send(follower));
        return emitter;
    }

    private void poll() {
        try {
            if (followers.isEmpty()) {
                seen.set(-1);
                return;
            }
            if (seen.get() < 0) {
                seen.set(store.lastTransitionId());
                followers.values().forEach(list -> list.forEach(this::send));
                return;
            }
            Set<UUID> changed = new HashSet<>();
            for (SessionStore.Transition transition : store.transitionsAfter(seen.get(), 1000)) {
                changed.add(transition.session());
                seen.set(transition.id());
            }
            changed.forEach(id -> followers.getOrDefault(id, List.of()).forEach(this::send));
        } catch (RuntimeException e) {
            log.warn("Could not read session transitions: {}", e.toString());
        }
    }

    /** Sends every transition the follower has not seen yet, each as the session stood at that moment. */
    private void send(Follower follower) {
        try {
            StreamSession session = sessions.get(follower.session);
            List<StreamSession.Transition> transitions = session.transitions();
            while (follower.sent < transitions.size()) {
                int index = follower.sent;
                StreamSession.Transition transition = transitions.get(index);
                StreamSession then = new StreamSession(session.id(), session.profile(), session.device(),
                        session.requestedBy(), session.clientName(), transition.state(), session.reason(),
                        transition.state() == SessionState.REQUESTED ? session.queuePosition() : null,
                        session.createdAt(), session.readyAt(), session.endedAt(), session.lastActivityAt(),
                        SessionState.STREAMABLE.contains(transition.state()) ? session.connection() : null,
                        List.copyOf(transitions.subList(0, index + 1)), session.operationId());
                follower.emitter.send(SseEmitter.event().name("state").id(Integer.toString(index + 1))
                        .data(then, MediaType.APPLICATION_JSON));
                follower.sent = index + 1;
                if (transition.state().finished()) {
                    follower.emitter.complete();
                    forget(follower);
                    return;
                }
            }
        } catch (IOException | RuntimeException gone) {
            follower.emitter.completeWithError(gone);
            forget(follower);
        }
    }

    private void forget(Follower follower) {
        followers.computeIfPresent(follower.session, (id, list) -> {
            list.remove(follower);
            return list.isEmpty() ? null : list;
        });
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }

    private static final class Follower {
        final UUID session;
        final SseEmitter emitter;
        volatile int sent;

        Follower(UUID session, SseEmitter emitter, int sent) {
            this.session = session;
            this.emitter = emitter;
            this.sent = sent;
        }
    }
}
