package io.rigplane.provisioning.plan;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileTags;
import io.rigplane.profile.ProfileView;
import io.rigplane.profile.RenderedConfig;
import io.rigplane.provisioning.Change;
import io.rigplane.provisioning.ProfileVms;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Plans a profile against its VM: reads Proxmox, changes nothing. */
@Service
public class ProvisioningPlans {

    private final ProfileCatalog catalog;
    private final ProfileVms vms;
    private final Clock clock;

    ProvisioningPlans(ProfileCatalog catalog, ProfileVms vms, Clock clock) {
        this.catalog = catalog;
        this.vms = vms;
        this.clock = clock;
    }

    public Plan plan(String name) {
        return plan(catalog.get(name));
    }

    public Plan plan(ProfileView profile) {
        String cluster = vms.clusterId(profile);
        Optional<ObservedVm> found = vms.locateAndObserve(profile);
        if (found.isEmpty()) {
            Integer vmid = profile.boundVmid() != null ? profile.boundVmid() : profile.spec().vmid();
            RenderedConfig desired = catalog.render(profile.spec().withVmid(vmid));
            String node = profile.spec().node() != null ? profile.spec().node() : vms.homeNode(profile);
            return new Plan(profile.spec().name(), cluster, node, vmid, false, false,
                    Planner.create(desired, identityTags(profile)), List.of(), clock.instant());
        }
        VmLocation vm = found.get().where();
        Observed observed = found.get().observed();
        RenderedConfig desired = catalog.render(profile.spec().withVmid(vm.vmid()));
        List<Change> changes = Planner.diff(desired, identityTags(profile), observed);
        return new Plan(profile.spec().name(), cluster, vm.node(), vm.vmid(), true, observed.running(), changes,
                observed.pendingKeys().stream().sorted().toList(), clock.instant());
    }

    public static List<String> identityTags(ProfileView profile) {
        return List.of(ProfileTags.MANAGED, profile.identityTag());
    }
}
