package io.rigplane.access;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    /** Refused before anything was done, for example by a rule or a conflict. */
    REFUSED
}
