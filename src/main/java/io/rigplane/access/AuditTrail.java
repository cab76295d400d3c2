package io.rigplane.access;

import io.rigplane.access.audit.AuditEvent;
import io.rigplane.access.audit.AuditEventRepository;
import io.rigplane.access.audit.AuditQuery;
import io.rigplane.access.audit.AuditResults;
import io.rigplane.system.Paging;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records who did what to which target and how it ended. The actor and source address come from
 * the current request where there is one; background work passes its actor explicitly.
 */
@Service
public class AuditTrail {

    public static final int MAX_PAGE_SIZE = 500;

    private final AuditEventRepository events;
    private final CurrentActor currentActor;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, CurrentActor currentActor, Clock clock) {
        this.events = events;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Records an action of whoever makes the current request. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String action, String target, AuditOutcome outcome, @Nullable String detail) {
        record(currentActor.get(), action, target, outcome, detail);
    }

    /**
     * Records an action; kept even when the caller's transaction rolls back, because a failed or
     * refused attempt belongs in the trail too.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Actor actor, String action, String target, AuditOutcome outcome, @Nullable String detail) {
        events.save(new AuditEvent(clock.instant(), actor, sourceAddress(), action, target, outcome, detail));
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> latestFor(String target) {
        return events.findTop100ByTargetOrderByOccurredAtDesc(target).stream().map(AuditEvent::toRecord).toList();
    }

    /** A page of the log, newest first. */
    @Transactional(readOnly = true)
    public AuditResults search(AuditQuery query, int page, int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        Page<AuditEvent> found = events.findAll(query.toSpecification(),
                PageRequest.of(page, size, Sort.by("occurredAt").descending().and(Sort.by("id").descending())));
        return new AuditResults(found.map(AuditEvent::toRecord).getContent(), page, size, found.getTotalElements());
    }

    @Transactional
    public int purgeOlderThan(Instant cutoff) {
        return events.deleteOlderThan(cutoff);
    }

    private static @Nullable String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
