package io.rigplane.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Usage of each profile from {@code from} to {@code to} (UTC days, both included), and the totals. */
public record UsageReport(LocalDate from, LocalDate to, String timeZone, Instant computedAt,
        List<ProfileUsage> profiles, Totals totals) {

    /** The sums over every profile in the report; kWh over those whose node has watts set. */
    public record Totals(double poweredOnHours, double streamedHours, double idleStopSavedHours,
            @JsonProperty("kWh") @Nullable Double kWh, @JsonProperty("savedKWh") @Nullable Double savedKWh) {
    }
}
