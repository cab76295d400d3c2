package io.rigplane.snapshot.catalog;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.Snapshot;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the snapshot work needs to know of a profile and of its VM's snapshots. The VM itself comes
 * from {@link io.rigplane.provisioning.ProfileVms}.
 */
@Component
public class SnapshotTargets {

    private final ProfileCatalog catalog;

    SnapshotTargets(ProfileCatalog catalog) {
        this.catalog = catalog;
    }

    /** The profile passes a GPU through, so its snapshots never save RAM state. */
    public boolean gpuPassthrough(String profile) {
        return catalog.get(profile).spec().gpu() != null;
    }

    public long profileId(String profile) {
        return catalog.get(profile).id();
    }

    /** The VM's snapshots without the {@code current} pseudo-entry. */
    public List<Snapshot> snapshots(VmHandle vm) {
        return vm.client().snapshots(vm.node(), vm.vmid()).stream().filter(s -> !s.isCurrent()).toList();
    }
}
