package io.rigplane.provisioning.drift;

import io.rigplane.profile.SyncState;
import io.rigplane.profile.SyncStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The drift reports as the profile pages' badges. */
@Component
class DriftBadges implements SyncStatus {

    private final DriftDetector detector;

    DriftBadges(DriftDetector detector) {
        this.detector = detector;
    }

    @Override
    public SyncState of(String profile) {
        DriftReport report = detector.report(profile);
        if (report.drifted()) {
            return SyncState.DRIFTED;
        }
        return report.checkedAt() == null ? SyncState.NEVER_CHECKED : SyncState.IN_SYNC;
    }

    @Override
    public Map<String, SyncState> of(Collection<String> profiles) {
        Map<String, Boolean> checked = detector.checked();
        Map<String, SyncState> states = new HashMap<>();
        for (String profile : profiles) {
            Boolean drifted = checked.get(profile);
            states.put(profile, drifted == null ? SyncState.NEVER_CHECKED
                    : drifted ? SyncState.DRIFTED : SyncState.IN_SYNC);
        }
        return states;
    }

    @Override
    public Set<String> drifted() {
        return detector.drifted().stream().map(DriftReport::profile).collect(Collectors.toSet());
    }
}
