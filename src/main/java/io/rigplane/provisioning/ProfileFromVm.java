package io.rigplane.provisioning;

import io.rigplane.profile.Disk;
import io.rigplane.profile.DiskRole;
import io.rigplane.profile.Network;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileTags;
import io.rigplane.system.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads an existing VM's config as a windows-11-gaming profile: the inverse of rendering, so that
 * the adopted VM's first plan is empty. Platform defaults the VM does not follow become
 * overrides where the platform allows them.
 */
final class ProfileFromVm {

    private static final List<String> OVERRIDABLE = List.of("machine", "cpu", "sockets", "numa", "onboot", "vga",
            "hugepages", "cpuunits", "affinity", "startup");

    private ProfileFromVm() {
    }

    static ProfileSpec read(String name, @Nullable String cluster, String node, int vmid, Map<String, String> config,
            List<FieldError> problems) {
        List<Disk> disks = new ArrayList<>();
        String bootDisk = bootDisk(config);
        config.forEach((key, value) -> {
            if (key.matches("^(scsi|virtio|sata|ide)\\d+$") && !"cdrom".equals(PropertyString.parse(value).get("media"))) {
                PropertyString disk = PropertyString.parse(value);
                Long bytes = Sizes.bytes(disk.get("size"));
                if (bytes == null || bytes % Sizes.gib(1) != 0) {
                    problems.add(new FieldError(key, "size " + disk.get("size") + " is not a whole number of GiB"));
                    return;
                }
                disks.add(new Disk(key, disk.storage(), (int) (bytes / Sizes.gib(1)),
                        key.equals(bootDisk) ? DiskRole.SYSTEM : DiskRole.DATA));
            }
        });
        Map<String, String> settings = new TreeMap<>();
        OVERRIDABLE.forEach(key -> {
            if (config.containsKey(key)) {
                settings.put(key, config.get(key));
            }
        });
        String gpu = null;
        if (config.containsKey("hostpci0")) {
            gpu = PropertyString.parse(config.get("hostpci0")).get("mapping");
            if (gpu == null) {
                problems.add(new FieldError("hostpci0", "passes a raw host device; create a cluster PCI mapping "
                        + "for it first (raw devices are root-only)"));
            }
        }
        NetworkCard card = config.containsKey("net0") ? NetworkCard.parse(config.get("net0")) : null;
        Network network = card == null ? Network.defaultBridge()
                : new Network(card.options().getOrDefault("bridge", "vmbr0"), card.mac(),
                        card.options().containsKey("tag") ? Integer.valueOf(card.options().get("tag")) : null);
        List<String> tags = config.containsKey("tags") ? Arrays.stream(config.get("tags").split("[;, ]"))
                .map(String::trim).filter(tag -> !tag.isEmpty() && !tag.startsWith(ProfileTags.MANAGED)).toList()
                : List.of();
        return new ProfileSpec(name, config.getOrDefault("description", "").strip(), node, vmid,
                "windows-11-gaming", integer(config.getOrDefault("cores", "1")),
                integer(PropertyString.parse(config.getOrDefault("memory", "512")).head() != null
                        ? PropertyString.parse(config.getOrDefault("memory", "512")).head()
                        : PropertyString.parse(config.get("memory")).get("current")),
                disks, gpu, network, tags, settings, cluster);
    }

    /** The disk Windows boots from: first of {@code boot: order=…}, else the first SCSI disk. */
    private static @Nullable String bootDisk(Map<String, String> config) {
        String order = PropertyString.parse(config.getOrDefault("boot", "")).get("order");
        if (order != null) {
            for (String device : order.split(";")) {
                if (config.containsKey(device) && !"cdrom".equals(PropertyString.parse(config.get(device)).get("media"))
                        && device.matches("^(scsi|virtio|sata|ide)\\d+$")) {
                    return device;
                }
            }
        }
        return config.keySet().stream().filter(key -> key.matches("^scsi\\d+$")).sorted().findFirst().orElse(null);
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
