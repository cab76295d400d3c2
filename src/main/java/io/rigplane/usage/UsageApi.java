package io.rigplane.usage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Usage", description = "Powered-on, streamed and idle-stop-saved hours and their kWh, per profile and day")
class UsageApi {

    private final UsageFigures figures;
    private final Clock clock;

    UsageApi(UsageFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/api/v1/usage")
    @Operation(summary = "Usage per profile and UTC day",
            description = "Days from `from` to `to`, both included (ISO dates; default the last 30 days up to today;"
                    + " at most 366 days). Hours a VM was powered on, hours a client streamed, hours idle stop"
                    + " saved, and kWh where the node's watts are set (rigplane.usage.watts.<node>). See docs/usage.md.")
    UsageReport usage(@Parameter(example = "2026-11-01") @RequestParam(required = false) @Nullable String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "one profile; every profile without it")
            @RequestParam(required = false) @Nullable String profile) {
        return figures.report(UsageRange.parse(from, to, LocalDate.now(clock.withZone(ZoneOffset.UTC))),
                profile == null || profile.isBlank() ? null : profile);
    }
}
