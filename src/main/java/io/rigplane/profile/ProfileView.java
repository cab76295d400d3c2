package io.rigplane.profile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored profile with its version (the ETag) and the VM it is bound to, if any. */
public record ProfileView(long id, ProfileSpec spec, long version, Instant createdAt, Instant updatedAt,
        @Nullable Integer boundVmid) {

    /** The tag that marks this profile's VM on Proxmox, so that a retried create finds it. */
    public String identityTag() {
        return ProfileTags.MANAGED + "-" + id;
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
