package io.rigplane.access;

import java.util.List;

/** One page of the audit log, newest first. */
record AuditResults(List<AuditRecord> items, int page, int size, long total) {
}
