package io.rigplane.access.audit;

import io.rigplane.access.AuditTrail;
import io.rigplane.access.security.DashboardSessions;
import io.rigplane.access.security.FailureThrottle;
import io.rigplane.access.security.SignInLockout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges audit events older than the retention, and failure counts whose window ended a day
 * ago. Every replica runs it; each purge is one idempotent DELETE, so running it twice at once
 * does no harm and no leader election is needed.
 */
@Component
public class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration FAILURE_COUNTS_KEPT = Duration.ofDays(1);

    private final AuditTrail audit;
    private final FailureThrottle throttle;
    private final AuditProperties properties;
    private final Clock clock;
    private final SignInLockout lockout;
    private final DashboardSessions sessions;

    public Housekeeping(AuditTrail audit, FailureThrottle throttle, AuditProperties properties, Clock clock,
            SignInLockout lockout, DashboardSessions sessions) {
        this.audit = audit;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
        this.lockout = lockout;
        this.sessions = sessions;
    }

    @Scheduled(initialDelayString = "${rigplane.audit.purge-interval:PT1H}",
            fixedDelayString = "${rigplane.audit.purge-interval:PT1H}")
    public void purge() {
        Instant now = clock.instant();
        int events = audit.purgeOlderThan(now.minus(properties.retention()));
        int counts = throttle.purgeOlderThan(now.minus(FAILURE_COUNTS_KEPT))
                + lockout.purgeOlderThan(now.minus(FAILURE_COUNTS_KEPT));
        sessions.purgeUnusedSince(now.minus(sessions.timeout()).minus(Duration.ofMinutes(5)));
        if (events > 0 || counts > 0) {
            log.info("Purged {} audit events older than {} and {} stale failure counts", events,
                    properties.retention(), counts);
        }
    }
}
