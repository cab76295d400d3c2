package io.rigplane.profile;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/** The VM's network card: the bridge, an optional fixed MAC (Proxmox picks one otherwise) and VLAN. */
public record Network(
        @Schema(example = "vmbr0") @NotNull
        @Pattern(regexp = ProxmoxIds.BRIDGE, message = "must be a bridge name such as vmbr0")
        String bridge,
        @Schema(example = "BC:24:11:AA:BB:CC")
        @Pattern(regexp = ProxmoxIds.UNICAST_MAC, message = "must be a unicast MAC address such as BC:24:11:AA:BB:CC")
        @Nullable String mac,
        @Schema(example = "20") @Min(1) @Max(4094) @Nullable Integer vlanTag) {

    public static Network defaultBridge() {
        return new Network("vmbr0", null, null);
    }
}
