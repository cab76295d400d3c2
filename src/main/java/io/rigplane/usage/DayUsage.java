package io.rigplane.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One UTC day of a profile's usage, in hours; kWh only where the node's watts are set. */
public record DayUsage(
        @Schema(example = "2026-11-28") LocalDate date,
        @Schema(example = "3.25") double poweredOnHours,
        @Schema(example = "2.5") double streamedHours,
        @Schema(description = "from an idle stop until the next start (docs/usage.md)", example = "20.75")
        double idleStopSavedHours,
        @JsonProperty("kWh") @Schema(example = "0.585") @Nullable Double kWh,
        @JsonProperty("savedKWh") @Schema(example = "3.735") @Nullable Double savedKWh) {
}
