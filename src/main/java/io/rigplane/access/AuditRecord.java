package io.rigplane.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A read-only view of one audit event. */
public record AuditRecord(Long id, Instant occurredAt, Actor actor, @Nullable String sourceAddress, String action,
        String target, AuditOutcome outcome, @Nullable String detail) {
}
