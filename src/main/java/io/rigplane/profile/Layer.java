package io.rigplane.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of layer a value of the rendered config came from; {@link ConfigEntry#source} names it. */
public enum Layer {
    /** Written in the profile, including overrides of platform defaults. */
    @JsonProperty("profile") PROFILE,
    /** A default one of the profile's platforms adds. */
    @JsonProperty("platform") PLATFORM,
    /** Nothing sets the key: Proxmox uses its own default. */
    @JsonProperty("proxmox-default") PROXMOX_DEFAULT
}
