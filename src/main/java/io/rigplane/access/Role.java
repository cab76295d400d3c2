package io.rigplane.access;

/** What a dashboard user may do. */
public enum Role {
    /** Everything, including profiles, users and secrets. */
    ADMIN,
    /** Power, sessions and snapshots; no profiles, users or secrets. */
    OPERATOR,
    /** Read only. */
    VIEWER;

    String authority() {
        return "ROLE_" + name();
    }
}
