package io.rigplane.power.internal;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The profiles, clusters and GPUs power acts on. A profile's VM itself comes from
 * {@link io.rigplane.provisioning.ProfileVms}.
 */
@Component
public class PowerTargets {

    private final ProfileCatalog catalog;
    private final ProxmoxClusters clusters;

    PowerTargets(ProfileCatalog catalog, ProxmoxClusters clusters) {
        this.catalog = catalog;
        this.clusters = clusters;
    }

    public ProfileView profile(String name) {
        return catalog.get(name);
    }

    public ProxmoxClient client(@Nullable String clusterOrNull) {
        return clusters.clientOrDefault(clusterOrNull);
    }

    /** The GPU the VM's profile maps, on the node the VM is on. */
    public Optional<GpuKey> gpu(VmHandle vm) {
        String mapping = catalog.get(vm.profile()).spec().gpu();
        return Optional.ofNullable(mapping).map(gpu -> new GpuKey(vm.cluster(), vm.node(), gpu));
    }
}
