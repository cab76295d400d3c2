package io.rigplane.streamhost.settings;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * New stream-host settings of a profile. Absent fields take their defaults, except the password:
 * absent keeps the stored one, an empty string removes it.
 */
public record StreamHostSettingsChange(
        @Schema(description = "apollo (default) or sunshine", example = "apollo") @Nullable String kind,
        @Schema(description = "the app to start; default Desktop", example = "Desktop") @Nullable String app,
        @Schema(description = "GameStream HTTP port; default 47989", example = "47989") @Nullable Integer httpPort,
        @Schema(description = "Apollo admin user; absent uses RIGPLANE_APOLLO_USERNAME", example = "admin") @Nullable String username,
        @Schema(description = "Apollo admin password, write-only; absent keeps the stored one, empty removes it")
        @Nullable String password) {
}
