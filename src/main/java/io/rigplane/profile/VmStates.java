package io.rigplane.profile;

import java.util.Collection;
import java.util.Map;

/**
 * The power state of profiles' VMs, for the pages that list profiles. The module that reads power
 * from Proxmox provides it, so this module never depends on Proxmox (as with {@link SyncStatus}).
 */
public interface VmStates {

    /** By profile name; a profile whose cluster did not answer is {@link VmState#UNKNOWN}. */
    Map<String, VmState> of(Collection<ProfileView> profiles);

    /** For a service without anything that reads power. */
    VmStates NONE = profiles -> Map.of();
}
