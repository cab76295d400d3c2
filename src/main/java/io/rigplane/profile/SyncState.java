package io.rigplane.profile;

/** Whether a profile's VM still matches it, as of the last check, for the badges of the profile pages. */
public enum SyncState {
    /** The VM was changed outside Rigplane, or is gone. */
    DRIFTED,
    /** The last check found the VM as its profile wants it. */
    IN_SYNC,
    /** No check has looked at the VM yet. */
    NEVER_CHECKED
}
