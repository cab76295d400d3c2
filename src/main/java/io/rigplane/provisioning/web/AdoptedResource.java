package io.rigplane.provisioning.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.rigplane.profile.ProfileResource;
import io.rigplane.provisioning.Adopted;
import io.rigplane.provisioning.PlatformDistance;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The adopt answer: the new profile's fields, and how far its VM is from each platform. */
record AdoptedResource(@JsonUnwrapped ProfileResource profile,
        @Schema(description = "per platform: how many keys moving onto it changes, and their effects")
        List<PlatformDistance> platforms) {

    static AdoptedResource of(Adopted adopted) {
        return new AdoptedResource(ProfileResource.of(adopted.profile()), adopted.platforms());
    }
}
