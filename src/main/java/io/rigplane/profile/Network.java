package io.rigplane.profile;

import io.rigplane.profile.internal.ProxmoxIds;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The VM's network card: the bridge, an optional fixed MAC (Proxmox picks one otherwise), VLAN,
 * and the card's model (VirtIO unless the profile says otherwise).
 */
public record Network(
        @Schema(example = "vmbr0") @NotNull
        @Pattern(regexp = ProxmoxIds.BRIDGE, message = "must be a bridge name such as vmbr0")
        String bridge,
        @Schema(example = "BC:24:11:AA:BB:CC")
        @Pattern(regexp = ProxmoxIds.UNICAST_MAC, message = "must be a unicast MAC address such as BC:24:11:AA:BB:CC")
        @Nullable String mac,
        @Schema(example = "20") @Min(1) @Max(4094) @Nullable Integer vlanTag,
        @Schema(example = "virtio", description = "the card's model; virtio when absent")
        @Pattern(regexp = ProxmoxIds.NIC_MODEL, message = "must be a Proxmox network card model such as virtio or e1000")
        @Nullable String model) {

    public Network(String bridge, @Nullable String mac, @Nullable Integer vlanTag) {
        this(bridge, mac, vlanTag, null);
    }

    public Network {
        model = model == null || model.isBlank() || model.equals("virtio") ? null : model;
    }

    public static Network defaultBridge() {
        return new Network("vmbr0", null, null);
    }

    /** The model Proxmox gets: virtio unless the profile names another. */
    public String modelOrDefault() {
        return model == null ? "virtio" : model;
    }
}
