package io.rigplane.session.wol;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.session.internal.Sessions;
import io.rigplane.session.internal.StreamSession;
import io.rigplane.system.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an accepted magic packet into a session, off the receiving thread: finds the profile,
 * applies the rate limits, opens the session as the WoL actor and audits what happened. Refusals
 * are audited once per source and reason per MAC interval, so a flood cannot fill the audit log.
 */
@Component
class WakeOnLanWaker {

    static final String ACTION = "session.wake-on-lan";
    static final String CLIENT_NAME = "wake-on-lan";
    private static final Logger LOG = LoggerFactory.getLogger(WakeOnLanWaker.class);

    private final WakeOnLanTargets targets;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final Clock clock;
    private final WakeOnLanProperties properties;
    private final WakeOnLanLimiter limiter;
    private final Map<String, Instant> lastRefusalAudit = new ConcurrentHashMap<>();

    WakeOnLanWaker(WakeOnLanTargets targets, Sessions sessions, AuditTrail audit, Clock clock,
            WakeOnLanProperties properties) {
        this.targets = targets;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.limiter = new WakeOnLanLimiter(clock, properties.wolMacInterval(), properties.wolSourceMaxWakes(),
                properties.wolSourceWindow());
    }

    WakeOnLanOutcome wake(String mac, String source) {
        Optional<String> profile = targets.profileFor(mac);
        if (profile.isEmpty()) {
            LOG.debug("magic packet for {} from {}: no profile's VM has this MAC", mac, source);
            return WakeOnLanOutcome.FOREIGN;
        }
        String target = "profile:" + profile.get();
        WakeOnLanLimiter.Verdict verdict = limiter.admit(mac, source);
        if (verdict == WakeOnLanLimiter.Verdict.MAC_TOO_SOON) {
            return WakeOnLanOutcome.MAC_TOO_SOON;
        }
        if (verdict == WakeOnLanLimiter.Verdict.SOURCE_OVER_LIMIT) {
            refused(source, target, "source-limit", "refused: " + source + " used its "
                    + properties.wolSourceMaxWakes() + " wakes per " + properties.wolSourceWindow());
            return WakeOnLanOutcome.SOURCE_OVER_LIMIT;
        }
        Actor actor = new Actor(Actor.Type.WOL, source);
        try {
            StreamSession session = sessions.open(profile.get(), actor, null, CLIENT_NAME);
            LOG.info("magic packet for {} from {}: session {} for profile {}", mac, source, session.id(),
                    profile.get());
            audit.record(actor, ACTION, target, AuditOutcome.SUCCESS,
                    "MAC " + mac + ", session " + session.id() + " (" + session.state() + ")");
            return WakeOnLanOutcome.ACCEPTED;
        } catch (ProblemException refusal) {
            LOG.info("magic packet for {} from {}: profile {} refused: {}", mac, source, profile.get(),
                    refusal.getMessage());
            audit.record(actor, ACTION, target, AuditOutcome.REFUSED, "MAC " + mac + ": " + refusal.getMessage());
            return WakeOnLanOutcome.SESSION_REFUSED;
        } catch (RuntimeException failure) {
            LOG.warn("magic packet for {} from {}: opening a session for profile {} failed", mac, source,
                    profile.get(), failure);
            audit.record(actor, ACTION, target, AuditOutcome.FAILURE, "MAC " + mac + ": the session did not open");
            return WakeOnLanOutcome.SESSION_REFUSED;
        }
    }

    /** A packet from outside the allowed networks: logged and audited, at most once per interval. */
    void refusedNetwork(String source) {
        refused(source, "wake-on-lan:" + source, "network", "refused: " + source
                + " is outside rigplane.sessions.wol-allowed-networks");
    }

    private void refused(String source, String target, String reason, String detail) {
        Instant now = clock.instant();
        String key = source + " " + reason;
        Instant last = lastRefusalAudit.get(key);
        if (last != null && now.isBefore(last.plus(properties.wolMacInterval()))) {
            return;
        }
        lastRefusalAudit.values().removeIf(at -> !now.isBefore(at.plus(properties.wolMacInterval())));
        lastRefusalAudit.put(key, now);
        LOG.warn("magic packet from {}: {}", source, detail);
        audit.record(new Actor(Actor.Type.WOL, source), ACTION, target, AuditOutcome.REFUSED, detail);
    }
}
