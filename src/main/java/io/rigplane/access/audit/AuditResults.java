package io.rigplane.access.audit;

import io.rigplane.access.AuditRecord;
import java.util.List;

/** One page of the audit log, newest first. */
public record AuditResults(List<AuditRecord> items, int page, int size, long total) {
}
