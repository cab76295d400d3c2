package io.rigplane.profile.platform;

import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.RenderedConfig;
import io.rigplane.system.FieldError;
import java.util.List;

/**
 * A platform: the defaults it adds to every profile, which of them a profile may override, and
 * the rules a profile must follow on it.
 */
public interface Platform {

    String id();

    String description();

    /** Checks what the generic field rules cannot: disks, overrides, GPU; one error per broken rule. */
    List<FieldError> validate(ProfileSpec spec);

    /** The pure rendering of a valid profile on this platform to the Proxmox config. */
    RenderedConfig render(ProfileSpec spec);
}
