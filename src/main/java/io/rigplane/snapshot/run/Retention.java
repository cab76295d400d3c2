package io.rigplane.snapshot.run;

import io.rigplane.proxmox.Snapshot;
import java.util.Comparator;
import java.util.List;

/**
 * Which snapshots a policy prunes: only complete snapshots named {@code auto-{label}-{stamp}} of its
 * own label, oldest first, so that {@code keep} of them remain. Nothing else is ever chosen.
 */
public final class Retention {

    private Retention() {
    }

    public static List<String> toPrune(List<Snapshot> snapshots, String label, int keep, String justTaken) {
        List<Snapshot> own = snapshots.stream()
                .filter(s -> !s.isCurrent() && s.snapstate() == null)
                .filter(s -> SnapshotNames.stampOf(label, s.name()).isPresent())
                .sorted(Comparator.comparing((Snapshot s) -> SnapshotNames.stampOf(label, s.name()).orElseThrow()))
                .toList();
        int excess = own.size() - keep;
        if (excess <= 0) {
            return List.of();
        }
        return own.stream().limit(excess).map(Snapshot::name).filter(name -> !name.equals(justTaken)).toList();
    }
}
