package io.rigplane.profile;

/** Tags Rigplane puts on the VMs it manages. */
public final class ProfileTags {

    /** Marks a VM as managed by Rigplane, so re-running a create finds it instead of making another. */
    public static final String MANAGED = "rigplane";

    private ProfileTags() {
    }
}
