package io.rigplane.session.web;

import io.rigplane.access.Actor;
import io.rigplane.access.CurrentActor;
import io.rigplane.session.internal.SessionEvents;
import io.rigplane.session.internal.SessionQuery;
import io.rigplane.session.internal.SessionState;
import io.rigplane.session.internal.Sessions;
import io.rigplane.system.DashboardPage;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's sessions: the current ones (refreshed by sessions.js), the latest ended or
 * failed ones with their durations and reasons, a page per session with its transitions, and
 * the End button for operators and admins.
 */
@Controller
@RequestMapping("/sessions")
class SessionsPage implements DashboardPage {

    static final int LIVE_LIMIT = 200;
    static final int HISTORY_LIMIT = 50;
    private static final Set<SessionState> CURRENT = EnumSet.of(SessionState.REQUESTED, SessionState.WAKING_HOST,
            SessionState.STARTING_VM, SessionState.WAITING_FOR_STREAM_HOST, SessionState.READY, SessionState.ACTIVE,
            SessionState.ENDING);
    private static final Set<SessionState> HISTORY = EnumSet.of(SessionState.ENDED, SessionState.FAILED);

    private final Sessions sessions;
    private final SessionEvents events;
    private final CurrentActor actor;
    private final Clock clock;

    SessionsPage(Sessions sessions, SessionEvents events, CurrentActor actor, Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    /** The whole page, or with {@code panel=live} only the current sessions, for the refresh. */
    @GetMapping
    String list(@RequestParam(required = false) String panel, Model model) {
        Instant now = clock.instant();
        model.addAttribute("live", items(CURRENT, LIVE_LIMIT, now));
        if ("live".equals(panel)) {
            return "session/sessions :: live";
        }
        model.addAttribute("history", items(HISTORY, HISTORY_LIMIT, now));
        model.addAttribute("refreshSeconds", 10);
        return "session/sessions";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        SessionsPageItem detail = SessionsPageItem.of(sessions.get(id), clock.instant());
        model.addAttribute("detail", detail);
        if (detail.live()) {
            model.addAttribute("refreshSeconds", 10);
        }
        return "session/session";
    }

    /** The same server-sent events as the API's, for the signed-in dashboard. */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable UUID id,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        sessions.get(id);
        return events.follow(id, lastEventId);
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable UUID id, RedirectAttributes redirect) {
        Actor who = actor.get();
        SessionState before = sessions.get(id).state();
        if (before.live()) {
            sessions.end(id, who, "ended from the dashboard by " + who.name());
            redirect.addFlashAttribute("message", "Session ended.");
        } else {
            redirect.addFlashAttribute("message", "The session was already over (" + before + ").");
        }
        return "redirect:/sessions/" + id;
    }

    private List<SessionsPageItem> items(Set<SessionState> states, int limit, Instant now) {
        return sessions.list(new SessionQuery(null, states, null, limit)).stream()
                .map(session -> SessionsPageItem.of(session, now)).toList();
    }
}
