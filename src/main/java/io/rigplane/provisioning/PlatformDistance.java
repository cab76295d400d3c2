package io.rigplane.provisioning;

import io.rigplane.profile.ProfileSpec;
import io.rigplane.system.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How far a profile's VM is from a platform: the keys that moving onto it would change, with what
 * each change does; or, when the profile cannot move there as it is, why not.
 */
public record PlatformDistance(
        @Schema(example = "windows-11-gaming") String platform,
        @Schema(description = "whether the profile is valid on that platform as moved") boolean movable,
        @Schema(example = "2", description = "how many keys differ") int keys,
        @Schema(example = "{\"PENDING_RESTART\": 2}", description = "how many changes have each effect")
        Map<ChangeEffect, Integer> effects,
        @Schema(description = "every change moving would plan, as the plan would show it") List<Change> changes,
        @Schema(description = "why the profile cannot move there as it is") List<FieldError> problems,
        @Schema(description = "the profile on that platform: PUT it to move") @Nullable ProfileSpec profile) {
}
