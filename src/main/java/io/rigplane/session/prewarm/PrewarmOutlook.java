package io.rigplane.session.prewarm;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When a profile is wanted and when its VM would be started for that: the learned (or manual)
 * times of the week, the next expected session, and the start time that makes the VM ready the
 * lead time before it, given how long the profile's VM usually takes from a request to READY.
 */
public record PrewarmOutlook(
        @Schema(description = "learned (from the last 4 weeks of sessions) or manual") String schedule,
        List<UsualTime> times,
        @Schema(description = "the next expected session; null when none is known") @Nullable Instant expectedAt,
        @Schema(description = "when the VM starts for it (mode on) or would start (mode suggest)") @Nullable Instant warmAt,
        @Schema(description = "the usual time from a request to READY on a cold VM (median of the last 4 weeks, "
                + "else 120 s)") long coldTimeToReadySeconds) {

    static PrewarmOutlook of(boolean manual, List<UsualTime> times, @Nullable Instant expectedAt, Duration lead,
            Duration estimate) {
        return new PrewarmOutlook(manual ? "manual" : "learned", times, expectedAt,
                expectedAt == null ? null : expectedAt.minus(lead).minus(estimate), estimate.toSeconds());
    }

    Duration estimate() {
        return Duration.ofSeconds(coldTimeToReadySeconds);
    }
}
