package io.rigplane.session.internal;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.operation.OperationConflictException;
import io.rigplane.operation.OperationState;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.power.PowerControl;
import io.rigplane.profile.ProfileNotFoundException;
import io.rigplane.streamhost.ClientPresence;
import io.rigplane.streamhost.StreamHosts;
import io.rigplane.system.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Watches sessions once per tick, on one replica at a time: READY and ACTIVE sessions against their
 * stream host (a connected client is activity) and their idle and length limits, VMs whose grace
 * period after the last session is over, and sessions whose driver died.
 */
@Component
public class SessionMonitor {

    private static final Logger log = LoggerFactory.getLogger(SessionMonitor.class);
    static final Actor IDLE_STOP = Actor.schedule("session idle stop");
    /** How long after a failed shutdown it is tried again: soon, as sessions may be queued for the GPU. */
    static final Duration SHUTDOWN_RETRY = Duration.ofSeconds(5);

    private final SessionStore store;
    private final SessionSettingsStore settings;
    private final Sessions sessions;
    private final SessionDriver driver;
    private final StreamHosts streamHosts;
    private final PowerControl power;
    private final Operations operations;
    private final AuditTrail audit;
    private final Clock clock;

    SessionMonitor(SessionStore store, SessionSettingsStore settings, Sessions sessions, SessionDriver driver,
            StreamHosts streamHosts, PowerControl power, Operations operations, AuditTrail audit, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.sessions = sessions;
        this.driver = driver;
        this.streamHosts = streamHosts;
        this.power = power;
        this.operations = operations;
        this.audit = audit;
        this.clock = clock;
    }

    public void tick() {
        driver.adoptOrphans();
        Map<String, SessionSettings> rules = new HashMap<>();
        for (SessionRow session : store.inStates(SessionState.STREAMABLE)) {
            try {
                watch(session, rules.computeIfAbsent(session.profile(), settings::get));
            } catch (ProfileNotFoundException gone) {
                // deleted with its VM released: Rigplane no longer manages what the session streams from
                sessions.end(session.id(), Actor.system(), "its profile " + session.profile() + " was deleted");
            } catch (RuntimeException e) {
                log.warn("Could not check session {}: {}", session.id(), e.toString());
            }
        }
        for (SessionStore.DueShutdown due : store.dueShutdowns(clock.instant())) {
            try {
                shutDown(due);
            } catch (RuntimeException e) {
                log.warn("Could not shut down the VM of {}: {}", due.profile(), e.toString());
            }
        }
    }

    private void watch(SessionRow session, SessionSettings rules) {
        Instant now = clock.instant();
        Instant lastActivity = session.lastActivityAt() == null ? session.createdAt() : session.lastActivityAt();
        if (session.streamHost() != null) {
            Optional<ClientPresence> presence = streamHosts.presence(session.profile(), session.streamHost(),
                    session.clientName());
            if (presence.isPresent() && presence.get().connected()) {
                lastActivity = now;
                store.activity(session.id(), now);
                store.transition(session.id(), EnumSet.of(SessionState.READY), SessionState.ACTIVE, now,
                        session.clientName() + " is streaming");
            }
            if (presence.isPresent() && presence.get().paired() && session.pairingPending()) {
                // paired now: from here on the one-tap link launches the app instead of pairing again
                store.connection(session.id(), Connections.of(streamHosts.offer(session.profile(),
                        session.streamHost(), session.clientName())), session.streamHost());
            }
        }
        if (rules.maxLengthSeconds() != null && session.readyAt() != null
                && now.isAfter(session.readyAt().plusSeconds(rules.maxLengthSeconds()))) {
            sessions.end(session.id(), IDLE_STOP, "it reached the profile's maximum length of "
                    + minutes(Duration.ofSeconds(rules.maxLengthSeconds())));
        } else if (now.isAfter(lastActivity.plus(rules.idleTimeout()))) {
            sessions.end(session.id(), IDLE_STOP, "no stream and no heartbeat for "
                    + minutes(rules.idleTimeout()));
        }
    }

    private void shutDown(SessionStore.DueShutdown due) {
        if (!store.liveOn(due.profile()).isEmpty()) {
            store.cancelShutdown(due.profile());
            return;
        }
        if (due.operation() != null && !retryDue(due)) {
            return;
        }
        try {
            UUID submitted = power.shutdown(due.profile(), true, IDLE_STOP, null).id();
            store.shutdownSubmitted(due.profile(), submitted);
            audit.record(IDLE_STOP, "session.idle-stop", due.profile(), AuditOutcome.SUCCESS, "shut down: "
                    + due.reason());
        } catch (OperationConflictException busy) {
            // another operation works on the VM; look again next tick
        } catch (ProfileNotFoundException gone) {
            store.cancelShutdown(due.profile());
        } catch (ProblemException refused) {
            if (refused.status().is5xxServerError()) {
                // the database or Proxmox did not answer: the VM still holds its GPU, so the plan stays
                log.warn("Could not shut down the VM of {} yet: {}", due.profile(), refused.getMessage());
                return;
            }
            store.cancelShutdown(due.profile());
            audit.record(IDLE_STOP, "session.idle-stop", due.profile(), AuditOutcome.FAILURE, refused.getMessage());
        }
    }

    /**
     * Whether the shutdown submitted earlier has to be submitted again: the plan is done once its
     * operation stopped the VM, and waits while it runs. One that failed (a Proxmox task that failed,
     * a node that did not answer) left the VM running and holding its GPU with no session on it, which
     * sessions queued for that GPU would wait for in vain: it is tried again after a pause.
     */
    private boolean retryDue(SessionStore.DueShutdown due) {
        OperationView last;
        try {
            last = operations.get(due.operation());
        } catch (ProblemException gone) {
            return true;
        }
        if (!last.state().finished()) {
            return false;
        }
        if (last.state() == OperationState.SUCCEEDED) {
            store.shutdownDone(due.profile(), last.id());
            return false;
        }
        return last.finishedAt() == null || !clock.instant().isBefore(last.finishedAt().plus(SHUTDOWN_RETRY));
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
