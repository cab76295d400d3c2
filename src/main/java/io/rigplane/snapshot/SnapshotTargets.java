package io.rigplane.snapshot;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.provisioning.ProfileMachines;
import io.rigplane.provisioning.ProfileMachines.Machine;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.proxmox.Snapshot;
import java.util.List;
import org.springframework.stereotype.Component;

/** A profile's VM and the client of its cluster, as the snapshot work needs them. */
@Component
class SnapshotTargets {

    private final ProfileCatalog catalog;
    private final ProfileMachines machines;
    private final ProxmoxClusters clusters;

    SnapshotTargets(ProfileCatalog catalog, ProfileMachines machines, ProxmoxClusters clusters) {
        this.catalog = catalog;
        this.machines = machines;
        this.clusters = clusters;
    }

    Machine machine(String profile) {
        return machines.locate(profile).orElseThrow(() -> new NoVmException(profile));
    }

    ProxmoxClient client(Machine vm) {
        return clusters.client(vm.cluster());
    }

    /** The profile passes a GPU through, so its snapshots never save RAM state. */
    boolean gpuPassthrough(String profile) {
        return catalog.get(profile).spec().gpu() != null;
    }

    long profileId(String profile) {
        return catalog.get(profile).id();
    }

    /** The VM's snapshots without the {@code current} pseudo-entry. */
    List<Snapshot> snapshots(Machine vm) {
        return client(vm).snapshots(vm.node(), vm.vmid()).stream().filter(s -> !s.isCurrent()).toList();
    }
}
