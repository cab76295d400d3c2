package io.rigplane.power.node;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Where Rigplane sends a node's magic packet: its MAC, to a broadcast address and UDP port. */
public record WakeOnLan(
        @Schema(example = "AA:BB:CC:DD:EE:01") String mac,
        @Schema(example = "192.168.1.255", description = "default 255.255.255.255") @Nullable String broadcast,
        @Schema(example = "9", description = "default 9") @Nullable Integer port) {
}
