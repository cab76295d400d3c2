package io.rigplane.provisioning.plan;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileView;
import io.rigplane.profile.RenderedConfig;
import io.rigplane.provisioning.Change;
import io.rigplane.provisioning.ChangeEffect;
import io.rigplane.provisioning.PlatformDistance;
import io.rigplane.provisioning.adopt.ProfileFromVm;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.system.FieldError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * How far a profile's VM is from each platform it could move to: the plan that moving would
 * make, key by key with its effect. Reads Proxmox, changes nothing.
 */
@Component
public class PlatformDistances {

    /** Written by adopt and by every apply alike; no platform changes them. */
    private static final Set<String> RIGPLANE_KEYS = Set.of("name", "tags");

    private final ProfileCatalog catalog;

    PlatformDistances(ProfileCatalog catalog) {
        this.catalog = catalog;
    }

    /** Against what the VM has; every platform but the profile's own and as-is. */
    public List<PlatformDistance> of(ProfileView profile, Observed observed) {
        List<PlatformDistance> distances = new ArrayList<>();
        ProfileSpec spec = profile.spec();
        Integer vmid = profile.boundVmid() != null ? profile.boundVmid() : spec.vmid();
        for (String platform : catalog.platformIds()) {
            if (platform.equals(spec.platform()) || platform.equals(ProfileFromVm.AS_IS)) {
                continue;
            }
            ProfileSpec moved = catalog.onPlatform(spec, platform);
            List<FieldError> problems = catalog.check(moved);
            if (!problems.isEmpty()) {
                distances.add(new PlatformDistance(platform, false, 0, Map.of(), List.of(), problems, null));
                continue;
            }
            RenderedConfig desired = catalog.render(moved.withVmid(vmid));
            List<Change> changes = Planner.diff(desired, ProvisioningPlans.identityTags(profile), observed).stream()
                    .filter(change -> !RIGPLANE_KEYS.contains(change.key())).toList();
            Map<ChangeEffect, Integer> effects = new EnumMap<>(ChangeEffect.class);
            changes.forEach(change -> effects.merge(change.effect(), 1, Integer::sum));
            distances.add(new PlatformDistance(platform, true, changes.size(), effects, changes, List.of(), moved));
        }
        return distances;
    }

    /** Against the profile's own config, for a profile whose VM does not exist (yet). */
    List<PlatformDistance> ofRendered(ProfileView profile) {
        Integer vmid = profile.boundVmid() != null ? profile.boundVmid() : profile.spec().vmid();
        // the stored form (with sizes), as a VM would show it; the VMID only names volumes
        RenderedConfig own = catalog.render(profile.spec().withVmid(vmid == null ? 0 : vmid));
        return of(profile, new Observed(own.values(), Set.of(), false));
    }

    public Observed observe(ProxmoxClient client, String node, int vmid) {
        Set<String> pending = new HashSet<>();
        client.pending(node, vmid).stream().filter(change -> change.isPending())
                .forEach(change -> pending.add(change.key()));
        return new Observed(client.config(node, vmid).values(), pending, client.status(node, vmid).running());
    }
}
