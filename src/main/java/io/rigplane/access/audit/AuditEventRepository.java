package io.rigplane.access.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    List<AuditEvent> findTop100ByTargetOrderByOccurredAtDesc(String target);

    /** One statement: idempotent, so every replica may run it at the same time. */
    @Modifying
    @Query("delete from AuditEvent e where e.occurredAt < :cutoff")
    int deleteOlderThan(Instant cutoff);
}
