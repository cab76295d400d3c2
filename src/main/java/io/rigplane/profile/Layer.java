package io.rigplane.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a value of the rendered config came from. */
public enum Layer {
    /** Written in the profile, including overrides of platform defaults. */
    @JsonProperty("profile") PROFILE,
    /** A default the platform adds. */
    @JsonProperty("platform") PLATFORM
}
