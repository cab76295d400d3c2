package io.rigplane.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A profile's usage over the range: the sums and each day. */
public record ProfileUsage(
        @Schema(example = "gaming-pc") String profile,
        @Schema(example = "srv02") String node,
        @Schema(description = "what the node draws while the VM runs (rigplane.usage.watts.<node>); null: not set")
        @Nullable Double watts,
        double poweredOnHours,
        double streamedHours,
        double idleStopSavedHours,
        @JsonProperty("kWh") @Nullable Double kWh,
        @JsonProperty("savedKWh") @Nullable Double savedKWh,
        @Schema(description = "start of the current run as Proxmox's uptime tells; null when stopped")
        @Nullable Instant runningSince,
        @Schema(description = "false when Proxmox could not be asked about the current run")
        boolean proxmoxAnswered,
        List<DayUsage> days) {
}
