package io.rigplane.provisioning.drift;

import io.rigplane.provisioning.Change;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The last drift check of a profile: whether its VM was changed outside Rigplane, since when,
 * and how. Drift is shown, never reverted on its own.
 */
public record DriftReport(String profile, @Nullable Instant checkedAt, boolean drifted,
        @Nullable Instant driftedSince, List<Change> changes, @Nullable String error) {

    static DriftReport neverChecked(String profile) {
        return new DriftReport(profile, null, false, null, List.of(), null);
    }
}
