package io.rigplane.profile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored profile with its version (the ETag) and the VM it is bound to, if any. */
public record ProfileView(ProfileSpec spec, long version, Instant createdAt, Instant updatedAt,
        @Nullable Integer boundVmid) {

    public String etag() {
        return "\"" + version + "\"";
    }
}
