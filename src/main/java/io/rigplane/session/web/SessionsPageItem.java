package io.rigplane.session.web;

import io.rigplane.session.internal.SessionState;
import io.rigplane.session.internal.StreamSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A session as the dashboard shows it: who, where it is, and how long each part took. */
record SessionsPageItem(UUID id, String profile, String who, String clientName, SessionState state,
        @Nullable String reason, Instant createdAt, @Nullable Instant readyAt, @Nullable Instant endedAt,
        @Nullable Instant lastActivityAt, String age, @Nullable String toReady, @Nullable String duration,
        List<Step> steps) {

    /** One transition with the time it took to get there from the one before. */
    record Step(SessionState state, Instant at, String after, @Nullable String detail) {
    }

    static SessionsPageItem of(StreamSession session, Instant now) {
        Instant end = session.endedAt() != null ? session.endedAt() : now;
        List<Step> steps = new java.util.ArrayList<>();
        Instant previous = session.createdAt();
        for (StreamSession.Transition transition : session.transitions()) {
            steps.add(new Step(transition.state(), transition.at(), format(Duration.between(previous, transition.at())),
                    transition.detail()));
            previous = transition.at();
        }
        return new SessionsPageItem(session.id(), session.profile(),
                session.device() != null ? session.device() : session.requestedBy(), session.clientName(),
                session.state(), session.reason(), session.createdAt(), session.readyAt(), session.endedAt(),
                session.lastActivityAt(), format(Duration.between(session.createdAt(), now)),
                session.readyAt() == null ? null : format(Duration.between(session.createdAt(), session.readyAt())),
                session.state().finished() || session.endedAt() != null
                        ? format(Duration.between(session.createdAt(), end)) : null,
                List.copyOf(steps));
    }

    public boolean live() {
        return state.live();
    }

    /** Short and exact enough for people: 850 ms, 42.3 s, 12 min 5 s, 3 h 07 min. */
    static String format(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
