package io.rigplane.session.internal;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.power.PowerControl;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.session.device.DeviceRevoked;
import io.rigplane.session.device.DeviceUnbound;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens, reads and ends wake-and-stream sessions. Opening only records the request; the
 * {@link SessionDriver} wakes the host, starts the VM and waits for the stream host.
 */
@Service
public class Sessions {

    private final SessionStore store;
    private final SessionSettingsStore settings;
    private final ProfileCatalog catalog;
    private final PowerControl power;
    private final SessionDriver driver;
    private final GraceShutdowns shutdowns;
    private final SessionMetrics metrics;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Clock clock;

    Sessions(SessionStore store, SessionSettingsStore settings, ProfileCatalog catalog, PowerControl power,
            SessionDriver driver, GraceShutdowns shutdowns, SessionMetrics metrics, AuditTrail audit, TransactionTemplate transaction, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.catalog = catalog;
        this.power = power;
        this.driver = driver;
        this.shutdowns = shutdowns;
        this.metrics = metrics;
        this.audit = audit;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens a session on the profile for the client, or returns the caller's live session on it
     * (a second press of the same button). Refused when the profile allows one session and another
     * person has it, or when the GPU is busy with another person's session and the profile does
     * not queue.
     */
    public StreamSession open(String profile, Actor actor, @Nullable UUID deviceId, String clientName) {
        catalog.get(profile);
        SessionSettings rules = settings.get(profile);
        Instant now = clock.instant();
        SessionStore.NewSession request = new SessionStore.NewSession(UUID.randomUUID(), profile, deviceId,
                actor.type() == Actor.Type.DEVICE ? actor.name() : null, actor, clientName, now);
        SessionRow me = new SessionRow(request.id(), profile, deviceId, request.deviceName(), actor.type().name(),
                actor.name(), clientName, SessionState.REQUESTED, null, null, false, now, null, now);
        Optional<String> gpuHolder = power.gpuHolder(profile);
        UUID opened = transaction.execute(status -> {
            // one decision per profile at a time, on any number of replicas
            jdbc.sql("select pg_advisory_xact_lock(hashtext('stream-session:' || :profile))")
                    .param("profile", profile).query().singleValue();
            List<SessionRow> live = store.liveOn(profile);
            Optional<SessionRow> mine = live.stream().filter(me::samePerson).findFirst();
            if (mine.isPresent()) {
                return mine.get().id();
            }
            if (!live.isEmpty() && rules.concurrent() == SessionSettings.Concurrent.REFUSE) {
                refuse(actor, profile, "in use by " + SessionRefusedException.who(live.get(0)));
                throw SessionRefusedException.profileInUse(profile, live.get(0));
            }
            Optional<SessionRow> blocker = gpuHolder.flatMap(holder -> otherPersonOn(holder, me));
            if (blocker.isPresent() && rules.whenGpuBusy() == SessionSettings.WhenGpuBusy.REFUSE) {
                refuse(actor, profile, "GPU in use by " + SessionRefusedException.who(blocker.get()));
                throw SessionRefusedException.gpuBusy(profile, power.gpu(profile).orElse(null), blocker.get());
            }
            store.insert(request);
            if (shutdowns.cancel(profile)) {
                audit.record(actor, "session.keep-running", profile, AuditOutcome.SUCCESS,
                        "a new session cancelled the shutdown after the grace period");
            }
            return request.id();
        });
        if (opened.equals(request.id())) {
            audit.record(actor, "session.open", profile, AuditOutcome.SUCCESS, "session " + opened + " for client "
                    + clientName);
            // the GPU was looked at a moment ago: the journey's first step need not ask Proxmox again
            driver.drive(opened, gpuHolder.isEmpty());
        }
        return get(opened);
    }

    public StreamSession get(UUID id) {
        return store.find(id).orElseThrow(() -> new SessionNotFoundException(id));
    }

    /** True when the device opened the session. */
    public boolean belongsTo(UUID id, UUID deviceId) {
        return store.row(id).map(row -> deviceId.equals(row.deviceId())).orElse(false);
    }

    public List<StreamSession> list(SessionQuery query) {
        return store.list(query);
    }

    /** The client is there: keeps the session from ending for idleness, and marks it ACTIVE once READY. */
    public StreamSession heartbeat(UUID id) {
        SessionRow row = store.row(id).orElseThrow(() -> new SessionNotFoundException(id));
        if (!row.state().live()) {
            throw new SessionEndedException(id, row.state());
        }
        Instant now = clock.instant();
        store.activity(id, now);
        if (row.state() == SessionState.READY) {
            store.transition(id, java.util.EnumSet.of(SessionState.READY), SessionState.ACTIVE, now,
                    "heartbeat from " + row.clientName());
        }
        return get(id);
    }

    /**
     * Ends the session. The VM keeps running for the profile's grace period when this was its
     * last session, so that a quick return does not wait for a boot; then it is shut down.
     */
    public StreamSession end(UUID id, Actor actor, String reason) {
        SessionRow row = store.row(id).orElseThrow(() -> new SessionNotFoundException(id));
        Instant now = clock.instant();
        if (store.transition(id, SessionState.LIVE, SessionState.ENDING, now, reason)) {
            driver.stop(id);
            shutdowns.afterLastSession(row.profile(), "its last session ended: " + reason);
            store.transition(id, java.util.EnumSet.of(SessionState.ENDING), SessionState.ENDED, clock.instant(), null);
            metrics.finished(SessionState.ENDED);
            audit.record(actor, "session.end", row.profile(), AuditOutcome.SUCCESS, "session " + id + ": " + reason);
        }
        return get(id);
    }

    /** A revoked device's sessions end with it; its VM then follows the usual grace period. */
    @org.springframework.context.event.EventListener
    void deviceRevoked(DeviceRevoked revoked) {
        for (StreamSession session : store.list(new SessionQuery(null, SessionState.LIVE, revoked.id(), 500))) {
            end(session.id(), Actor.system(), "the device '" + revoked.name() + "' was revoked");
        }
    }

    /** A device's sessions on a profile it may no longer use end at once; the VM follows the grace period. */
    @org.springframework.context.event.EventListener
    void deviceUnbound(DeviceUnbound unbound) {
        for (StreamSession session : store.list(new SessionQuery(null, SessionState.LIVE, unbound.id(), 500))) {
            if (unbound.profiles().contains(session.profile())) {
                end(session.id(), Actor.system(), "the device '" + unbound.name() + "' may no longer use "
                        + session.profile());
            }
        }
    }

    /** A live session of another person on the given profile. */
    Optional<SessionRow> otherPersonOn(String profile, SessionRow me) {
        return store.liveOn(profile).stream().filter(other -> !other.samePerson(me)).findFirst();
    }

    private void refuse(Actor actor, String profile, String why) {
        audit.record(actor, "session.open", profile, AuditOutcome.REFUSED, why);
    }
}
