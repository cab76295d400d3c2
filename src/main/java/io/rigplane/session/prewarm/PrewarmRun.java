package io.rigplane.session.prewarm;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One warm-up, or one that was skipped, for one expected session. */
public record PrewarmRun(
        UUID id,
        String profile,
        @Schema(description = "when a session was expected") Instant expectedAt,
        @Schema(description = "WARMING, WARM, USED, WASTED, SKIPPED or FAILED") State state,
        @Schema(description = "why it was skipped or failed, or what happened") @Nullable String reason,
        @Schema(description = "the start operation") @Nullable UUID operationId,
        @Schema(description = "the usual time from a session's request to READY on a cold VM, when it was planned")
        int estimateSeconds,
        @Nullable Instant startedAt,
        @Schema(description = "when the start operation finished") @Nullable Instant warmAt,
        @Nullable Instant endedAt,
        @Schema(description = "the session that found the VM warm") @Nullable UUID sessionId,
        @Schema(description = "time to play saved for that session") @Nullable Integer savedSeconds,
        @Schema(description = "how long the VM ran for nothing, for a wasted warm-up") @Nullable Integer poweredSeconds) {

    public enum State {
        WARMING, WARM, USED, WASTED, SKIPPED, FAILED;

        boolean open() {
            return this == WARMING || this == WARM;
        }
    }
}
