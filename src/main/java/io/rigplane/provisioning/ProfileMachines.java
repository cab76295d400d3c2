package io.rigplane.provisioning;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Where a profile's VM is, for modules that act on it (power): found by its identity tag only. */
@Service
public class ProfileMachines {

    private final ProfileVms vms;
    private final ProfileCatalog catalog;

    ProfileMachines(ProfileVms vms, ProfileCatalog catalog) {
        this.vms = vms;
        this.catalog = catalog;
    }

    /** The profile's VM, or empty while it has none (apply creates it). */
    public Optional<Machine> locate(String profile) {
        ProfileView view = catalog.get(profile);
        String cluster = vms.clusterId(view);
        return vms.locate(view).map(vm -> new Machine(cluster, vm.node(), vm.vmid()));
    }

    /** A profile's VM: the cluster id, the node it runs on now and its VMID. */
    public record Machine(String cluster, String node, int vmid) {
    }
}
