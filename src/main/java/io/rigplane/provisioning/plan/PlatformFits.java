package io.rigplane.provisioning.plan;

import io.rigplane.profile.PlatformFit;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.Change;
import io.rigplane.provisioning.PlatformDistance;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmIdentityLostException;
import io.rigplane.proxmox.ProxmoxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A profile's distance to each platform: against its VM where it has one, else its own config. */
@Service
public class PlatformFits implements PlatformFit {

    private final ProfileCatalog catalog;
    private final ProfileVms vms;
    private final PlatformDistances distances;

    PlatformFits(ProfileCatalog catalog, ProfileVms vms, PlatformDistances distances) {
        this.catalog = catalog;
        this.vms = vms;
        this.distances = distances;
    }

    List<PlatformDistance> of(ProfileView profile) {
        Optional<ObservedVm> vm = vms.locateAndObserve(profile);
        if (vm.isEmpty()) {
            return distances.ofRendered(profile);
        }
        return distances.of(profile, vm.get().observed());
    }

    public List<PlatformDistance> distances(String name) {
        return of(catalog.get(name));
    }

    /** For the profile page: a Proxmox that does not answer leaves the rows out, not the page. */
    @Override
    public List<Row> of(String name) {
        List<PlatformDistance> found;
        try {
            found = distances(name);
        } catch (ProxmoxException | VmIdentityLostException unreachable) {
            return List.of();
        }
        return found.stream().map(distance -> {
            Map<String, Integer> effects = new LinkedHashMap<>();
            distance.effects().forEach((effect, count) -> effects.put(effect.name(), count));
            return new Row(distance.platform(), distance.movable(), distance.keys(), effects,
                    distance.changes().stream().map(Change::key).toList(), distance.problems());
        }).toList();
    }
}
