package io.rigplane.access;

import java.util.List;

/** One page of the audit log, newest first. */
record AuditPage(List<AuditRecord> items, int page, int size, long total) {
}
