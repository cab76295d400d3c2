package io.rigplane.access.audit;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the audit trail. Never updated once written. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    private Actor.Type actorType;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(name = "source_address")
    private String sourceAddress;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditOutcome outcome;

    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, Actor actor, String sourceAddress, String action, String target,
            AuditOutcome outcome, String detail) {
        this.occurredAt = occurredAt;
        this.actorType = actor.type();
        this.actorName = actor.name();
        this.sourceAddress = sourceAddress;
        this.action = action;
        this.target = target;
        this.outcome = outcome;
        this.detail = detail;
    }

    public AuditRecord toRecord() {
        return new AuditRecord(id, occurredAt, new Actor(actorType, actorName), sourceAddress, action, target,
                outcome, detail);
    }
}
