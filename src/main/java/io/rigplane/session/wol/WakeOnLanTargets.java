package io.rigplane.session.wol;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which profile a MAC wakes: the profile's fixed {@code net0} MAC, or else the MAC Proxmox gave
 * its VM. Those are learned from the VM's config and kept, also past their freshness, because
 * the moment a packet arrives is often the moment the VM's node sleeps and cannot be asked.
 */
@Component
public class WakeOnLanTargets {

    private static final Logger LOG = LoggerFactory.getLogger(WakeOnLanTargets.class);
    private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}");
    private static final Duration FOREIGN_MEMORY = Duration.ofSeconds(2);
    private static final int FOREIGN_LIMIT = 1024;
    private static final Duration PROFILES_FRESH = Duration.ofSeconds(2);

    private final ProfileCatalog catalog;
    private final ProfileVms vms;
    private final Clock clock;
    private final WakeOnLanProperties properties;
    private final Map<String, Learned> learned = new ConcurrentHashMap<>();
    private final Map<String, Instant> recentlyForeign = new ConcurrentHashMap<>();
    private volatile @Nullable Profiles profiles;

    WakeOnLanTargets(ProfileCatalog catalog, ProfileVms vms, Clock clock, WakeOnLanProperties properties) {
        this.catalog = catalog;
        this.vms = vms;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The profile whose VM has this MAC; asks Proxmox only about VMs not read recently. A MAC
     * found foreign is not looked up again for a moment: Moonlight sends each wake of a PC that
     * is not a Rigplane VM as a burst of packets.
     */
    Optional<String> profileFor(String mac) {
        Instant now = clock.instant();
        Instant foreignAt = recentlyForeign.get(mac);
        if (foreignAt != null && now.isBefore(foreignAt.plus(FOREIGN_MEMORY))) {
            return Optional.empty();
        }
        Optional<String> found = lookUp(mac);
        if (found.isEmpty()) {
            if (recentlyForeign.size() >= FOREIGN_LIMIT) {
                recentlyForeign.clear();
            }
            recentlyForeign.put(mac, now);
        }
        return found;
    }

    /**
     * Matches against the profiles read less than {@link #PROFILES_FRESH} ago; a miss reads them
     * again only when their number changed (a profile just created), so that packets for unknown
     * MACs cost a count, not a read of every profile.
     */
    private Optional<String> lookUp(String mac) {
        Profiles known = profiles;
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.readAt().plus(PROFILES_FRESH))) {
            Optional<String> found = match(known.all(), mac);
            if (found.isPresent() || catalog.count() == known.all().size()) {
                return found;
            }
        }
        return match(allProfiles(), mac);
    }

    private Optional<String> match(List<ProfileView> profiles, String mac) {
        List<ProfileView> unfixed = new ArrayList<>();
        for (ProfileView profile : profiles) {
            String fixed = profile.spec().network().mac();
            if (fixed != null) {
                if (WakeOnLanPacket.normalise(fixed).equals(mac)) {
                    return Optional.of(profile.spec().name());
                }
            } else if (profile.boundVmid() != null) {
                unfixed.add(profile);
            }
        }
        for (ProfileView profile : unfixed) {
            Learned known = learned.get(profile.spec().name());
            if (known != null && mac.equals(known.mac()) && known.vmid() == profile.boundVmid()) {
                return Optional.of(profile.spec().name());
            }
        }
        Instant staleBefore = clock.instant().minus(properties.wolMacCache());
        for (ProfileView profile : unfixed) {
            Learned known = learned.get(profile.spec().name());
            if (known == null || known.vmid() != profile.boundVmid() || known.checkedAt().isBefore(staleBefore)) {
                if (mac.equals(learn(profile))) {
                    return Optional.of(profile.spec().name());
                }
            }
        }
        return Optional.empty();
    }

    /** Reads the MACs of every VM whose profile has no fixed one, while their nodes are awake. */
    void refresh() {
        List<ProfileView> profiles = allProfiles();
        profiles.stream()
                .filter(profile -> profile.spec().network().mac() == null && profile.boundVmid() != null)
                .forEach(this::learn);
        learned.keySet().retainAll(profiles.stream().map(profile -> profile.spec().name()).toList());
    }

    private @Nullable String learn(ProfileView profile) {
        String name = profile.spec().name();
        Learned before = learned.get(name);
        Integer vmid = profile.boundVmid();
        String mac = before != null && vmid != null && before.vmid() == vmid ? before.mac() : null;
        try {
            Optional<VmHandle> found = vms.find(name);
            if (found.isPresent()) {
                mac = macOf(found.get().configValue("net0"));
                vmid = found.get().vmid();
            }
        } catch (RuntimeException unreachable) {
            // a sleeping node, a Proxmox that does not answer, a VM that lost its tag: keep what
            // was learned before, and let the other profiles be read
            LOG.debug("cannot read the MAC of profile {}'s VM: {}", name, unreachable.getMessage());
        }
        learned.put(name, new Learned(vmid == null ? -1 : vmid, mac, clock.instant()));
        return mac;
    }

    private List<ProfileView> allProfiles() {
        Instant readAt = clock.instant();
        List<ProfileView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var found = catalog.list(null, null, page, ProfileCatalog.MAX_PAGE_SIZE);
            all.addAll(found.items());
            if (page + 1 >= found.totalPages()) {
                profiles = new Profiles(List.copyOf(all), readAt);
                return all;
            }
        }
    }

    static @Nullable String macOf(@Nullable String net0) {
        if (net0 == null) {
            return null;
        }
        Matcher matcher = MAC.matcher(net0);
        return matcher.find() ? WakeOnLanPacket.normalise(matcher.group()) : null;
    }

    private record Learned(int vmid, @Nullable String mac, Instant checkedAt) {
    }

    private record Profiles(List<ProfileView> all, Instant readAt) {
    }
}
