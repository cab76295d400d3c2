package io.rigplane.access.audit;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;

/**
 * Filters of the audit log; each one left empty matches everything. Actor, action and target
 * match exactly, or by prefix when they end with {@code *} (for example {@code token:*}).
 */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String target,
        @Nullable AuditOutcome outcome, @Nullable Instant from, @Nullable Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public Specification<AuditEvent> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            text(actor, "actorName", where, root, cb);
            text(action, "action", where, root, cb);
            text(target, "target", where, root, cb);
            if (outcome != null) {
                where.add(cb.equal(root.get("outcome"), outcome));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
            }
            if (to != null) {
                where.add(cb.lessThan(root.get("occurredAt"), to));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static void text(@Nullable String value, String field, List<Predicate> where,
            jakarta.persistence.criteria.Root<AuditEvent> root, jakarta.persistence.criteria.CriteriaBuilder cb) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.endsWith("*")) {
            String prefix = value.substring(0, value.length() - 1).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            where.add(cb.like(root.get(field), prefix + "%", '\\'));
        } else {
            where.add(cb.equal(root.get(field), value));
        }
    }
}
