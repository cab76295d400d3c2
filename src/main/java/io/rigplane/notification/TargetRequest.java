package io.rigplane.notification;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A target as a client writes it. {@code secret} is write-only: on PUT, leaving it out keeps the
 * stored one. {@code paused} on PUT pauses (true) or resumes (false) the target.
 */
record TargetRequest(
        @Schema(example = "phone") @Nullable String name,
        @Schema(example = "ntfy", allowableValues = {"webhook", "ntfy", "discord"}) @Nullable String kind,
        @Schema(example = "https://ntfy.sh/my-homelab-alerts") @Nullable String url,
        @Schema(description = "webhook: the HMAC-SHA256 key (required); ntfy: an access token (optional)",
                accessMode = Schema.AccessMode.WRITE_ONLY) @Nullable String secret,
        @Schema(description = "event types; empty or absent: all") @Nullable List<String> events,
        @Schema(description = "ntfy only: 1 (min) to 5 (max); absent: by event") @Nullable Integer priority,
        @Schema(description = "ntfy only: tags (emoji short codes or words)") @Nullable List<String> tags,
        @Schema(description = "PUT only: true pauses, false resumes") @Nullable Boolean paused) {
}
