package io.rigplane.snapshot.policy;

/** A policy as stored: its id (which names its Quartz trigger) and its profile. */
public record StoredPolicy(long id, String profile, SnapshotPolicy policy) {

    public String label() {
        return policy.label();
    }
}
