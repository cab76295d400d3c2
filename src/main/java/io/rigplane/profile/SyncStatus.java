package io.rigplane.profile;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether profiles' VMs match them. The profile pages show it; the module that compares profiles
 * with Proxmox provides it, so this module never depends on Proxmox.
 */
public interface SyncStatus {

    SyncState of(String profile);

    /** The state of each of these profiles; for pages that list many, in a bounded number of queries. */
    default Map<String, SyncState> of(Collection<String> profiles) {
        Map<String, SyncState> states = new HashMap<>();
        profiles.forEach(profile -> states.put(profile, of(profile)));
        return states;
    }

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
