package io.rigplane.profile.platform;

import io.rigplane.profile.Disk;
import io.rigplane.profile.Network;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.internal.QemuSchema;
import io.rigplane.system.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A profile moved onto another platform: what the platform sets replaces the profile's own keys,
 * and the profile keeps the others the platform lets it set. Pure.
 */
public final class PlatformMove {

    private PlatformMove() {
    }

    public static ProfileSpec of(ProfileSpec spec, PlatformChain target) {
        if (target.isAsIs()) {
            return spec.onPlatform(target.id(), spec.disks(), spec.network(), spec.settings());
        }
        Set<String> decided = target.settings().keySet();
        Map<String, String> kept = new TreeMap<>();
        spec.settings().forEach((key, value) -> {
            if (!decided.contains(key) && accepted(spec, target, key, value)) {
                kept.put(key, value);
            }
        });
        boolean coded = target.root() != null;
        List<Disk> disks = spec.disks().stream()
                .map(disk -> coded || decided.contains(QemuSchema.diskFamily(disk.slot()) + "[n]")
                        ? disk.withOptions(null) : disk)
                .toList();
        Network network = coded ? new Network(spec.network().bridge(), spec.network().mac(), spec.network().vlanTag())
                : spec.network();
        return spec.onPlatform(target.id(), disks, network, kept);
    }

    private static boolean accepted(ProfileSpec spec, PlatformChain target, String key, String value) {
        String field = "settings." + key;
        Platform root = target.root();
        if (root != null) {
            ProfileSpec alone = spec.onPlatform(target.id(), spec.disks(), spec.network(), Map.of(key, value));
            return root.validate(alone).stream().map(FieldError::field).noneMatch(field::equals);
        }
        return SettingRules.check(field, key, value, SettingRules.Writer.PROFILE, spec).isEmpty();
    }
}
