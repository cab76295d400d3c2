package io.rigplane.session.prewarm;

import io.swagger.v3.oas.annotations.media.Schema;

/** What pre-warming a profile did: warm-ups used and wasted, the minutes it cost, the time it saved. */
public record PrewarmFigures(
        @Schema(description = "VMs started ahead of a session") long warmUps,
        @Schema(description = "warm-ups a session found") long used,
        @Schema(description = "warm-ups no session came for, shut down after the grace period") long wasted,
        @Schema(description = "warm-ups not made: the GPU was taken, the VM ran already, …") long skipped,
        @Schema(description = "minutes VMs ran for warm-ups no session used") long wastedPoweredMinutes,
        @Schema(description = "time to play saved over all used warm-ups") long timeToPlaySavedSeconds,
        @Schema(description = "median time to play saved by a used warm-up") long medianSavedSeconds) {
}
