package io.rigplane.snapshot;

/** A policy as stored: its id (which names its Quartz trigger) and its profile. */
record StoredPolicy(long id, String profile, SnapshotPolicy policy) {

    String label() {
        return policy.label();
    }
}
