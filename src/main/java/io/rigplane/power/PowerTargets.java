package io.rigplane.power;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.ProfileMachines;
import io.rigplane.provisioning.ProfileMachines.Machine;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.proxmox.VmStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A profile's VM, its cluster's client and its GPU, as power acts on them. */
@Component
class PowerTargets {

    private final ProfileCatalog catalog;
    private final ProfileMachines machines;
    private final ProxmoxClusters clusters;

    PowerTargets(ProfileCatalog catalog, ProfileMachines machines, ProxmoxClusters clusters) {
        this.catalog = catalog;
        this.machines = machines;
        this.clusters = clusters;
    }

    ProfileView profile(String name) {
        return catalog.get(name);
    }

    Machine machine(String profile) {
        return machines.locate(profile).orElseThrow(() -> new VmMissingException(profile));
    }

    Optional<Machine> find(String profile) {
        return machines.locate(profile);
    }

    ProxmoxClient client(Machine machine) {
        return clusters.client(machine.cluster());
    }

    ProxmoxClient client(String clusterOrNull) {
        return clusters.clientOrDefault(clusterOrNull);
    }

    /** The GPU the profile maps, on the node its VM is on. */
    Optional<GpuKey> gpu(String profile, Machine machine) {
        String mapping = catalog.get(profile).spec().gpu();
        return Optional.ofNullable(mapping).map(gpu -> new GpuKey(machine.cluster(), machine.node(), gpu));
    }

    VmStatus status(Machine machine) {
        return client(machine).status(machine.node(), machine.vmid());
    }

    /** Running or paused: the VM holds its devices either way. */
    boolean running(Machine machine) {
        return status(machine).running();
    }
}
