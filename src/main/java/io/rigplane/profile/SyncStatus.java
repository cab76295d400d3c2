package io.rigplane.profile;

import java.util.Set;

/**
 * Whether profiles' VMs match them. The profile pages show it; the module that compares profiles
 * with Proxmox provides it, so this module never depends on Proxmox.
 */
public interface SyncStatus {

    SyncState of(String profile);

    /** The names of the profiles whose VM drifted. */
    Set<String> drifted();

    /** For a service without anything that checks VMs. */
    SyncStatus UNKNOWN = new SyncStatus() {
        @Override
        public SyncState of(String profile) {
            return SyncState.NEVER_CHECKED;
        }

        @Override
        public Set<String> drifted() {
            return Set.of();
        }
    };
}
