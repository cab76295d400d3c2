package io.rigplane.power.internal;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
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
}
