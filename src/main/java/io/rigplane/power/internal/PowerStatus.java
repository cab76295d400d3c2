package io.rigplane.power.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A profile's VM as it runs now, read from Proxmox, with the GPU it maps and the operation at work. */
public record PowerStatus(
        @Schema(example = "gaming-pc") String profile,
        @Nullable String cluster,
        @Schema(example = "srv02") @Nullable String node,
        @Schema(example = "100") @Nullable Integer vmid,
        @Schema(allowableValues = {"running", "stopped", "paused", "unknown"}) String power,
        @Schema(description = "seconds since the VM started; 0 when stopped") long uptime,
        @Schema(description = "config keys waiting for a stop/start or an API reboot") List<String> pendingChanges,
        @Schema(example = "backup") @Nullable String lock,
        @Nullable Gpu gpu,
        @Schema(allowableValues = {"online", "offline", "unknown"}) String nodeState,
        @Schema(description = "the operation queued or running on the profile") @Nullable UUID operationId) {

    /** The GPU mapping the profile maps: whether this profile holds a device of it (which), and who does. */
    public record Gpu(@Schema(example = "rtx3070") String mapping, String node, boolean held,
            @Nullable String holder,
            @Schema(description = "the device held, as its PCI path", example = "0000:01:00") @Nullable String device) {
    }
}
