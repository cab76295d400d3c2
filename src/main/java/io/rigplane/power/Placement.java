package io.rigplane.power;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a start runs a profile's VM and why, with every other node and why it was not chosen. Shown
 * on the power-start operation and on the session that asked for it.
 */
@Schema(description = "The node a start chose for the VM, why, and why not the others")
public record Placement(
        @Schema(example = "srv03") String node,
        @Schema(example = "srv03 is awake and device 0000:02:00 of rtx3070 is free there") String reason,
        List<Alternative> alternatives,
        @Schema(description = "the node the stopped VM is migrated from; null when it stays", example = "srv02")
        @Nullable String migrateFrom,
        @Schema(description = "the GPU device booked for the VM; null without a GPU", example = "0000:02:00")
        @Nullable String device) {

    /** A node not chosen, and why. */
    public record Alternative(@Schema(example = "srv02") String node,
            @Schema(example = "all 1 device of rtx3070 held: 0000:01:00 by profile 'gaming-a'") String reason) {
    }
}
