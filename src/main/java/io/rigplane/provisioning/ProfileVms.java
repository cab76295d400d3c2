package io.rigplane.provisioning;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import io.rigplane.proxmox.ClusterVm;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.proxmox.VmConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Finds a profile's VM on Proxmox and reads what it has. */
@Component
class ProfileVms {

    private final ProxmoxClusters clusters;
    private final ProfileCatalog catalog;

    ProfileVms(ProxmoxClusters clusters, ProfileCatalog catalog) {
        this.clusters = clusters;
        this.catalog = catalog;
    }

    ProxmoxClient client(ProfileView profile) {
        return clusters.clientOrDefault(profile.spec().cluster());
    }

    String clusterId(ProfileView profile) {
        return client(profile).clusterId();
    }

    /**
     * The profile's VM: the one it is bound to, wherever it moved, or one that carries its identity
     * tag (a create that finished after its operation was interrupted).
     */
    Optional<VmLocation> locate(ProfileView profile) {
        List<ClusterVm> vms = client(profile).vms();
        Integer bound = profile.boundVmid();
        if (bound != null) {
            Optional<ClusterVm> found = vms.stream().filter(vm -> vm.vmid() == bound).findFirst();
            if (found.isPresent()) {
                return found.map(vm -> new VmLocation(vm.node(), vm.vmid()));
            }
        }
        return vms.stream().filter(vm -> vm.tags().contains(profile.identityTag())).findFirst()
                .map(vm -> {
                    catalog.bindVm(profile.spec().name(), vm.vmid());
                    return new VmLocation(vm.node(), vm.vmid());
                });
    }

    Observed observe(ProfileView profile, VmLocation vm) {
        ProxmoxClient client = client(profile);
        VmConfig config = client.config(vm.node(), vm.vmid());
        Set<String> pending = new HashSet<>();
        client.pending(vm.node(), vm.vmid()).stream().filter(change -> change.isPending())
                .forEach(change -> pending.add(change.key()));
        boolean running = client.status(vm.node(), vm.vmid()).running();
        return new Observed(config.values(), pending, running);
    }
}
