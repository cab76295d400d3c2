package io.rigplane.provisioning;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One difference between a profile and its VM: the key, what Proxmox has, what the profile wants,
 * what applying it does, and the value that would be sent.
 */
public record Change(
        @Schema(example = "cores") String key,
        @Schema(example = "4") @Nullable String current,
        @Schema(example = "8") @Nullable String desired,
        ChangeEffect effect,
        ChangeAction action,
        @Schema(description = "what is sent to Proxmox: a config value, or a size for a resize")
        @Nullable String send,
        @Schema(example = "shrinking a disk destroys data") @Nullable String reason) {

    public boolean applicable() {
        return effect != ChangeEffect.REFUSED && action != ChangeAction.NONE;
    }
}
