package io.rigplane.provisioning.adopt;

import io.rigplane.profile.Disk;
import io.rigplane.profile.DiskRole;
import io.rigplane.profile.Network;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileTags;
import io.rigplane.provisioning.plan.NetworkCard;
import io.rigplane.provisioning.plan.Sizes;
import io.rigplane.proxmox.PropertyString;
import io.rigplane.system.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads a VM's config as a profile on the {@code as-is} platform: every key that matters becomes
 * the profile's own, so that the first plan is empty. The profile's fields take what they can say
 * (cores, memory, disks, network card, GPU mapping); every other key goes into its settings as
 * Proxmox stores it. Keys Proxmox writes itself, Rigplane's own (name, tags) and CD drives stay
 * out, as rendering and planning leave them alone.
 */
public final class ProfileFromVm {

    public static final String AS_IS = "as-is";
    private static final int MAX_DISKS = 16;
    /** Written by Proxmox (or by Rigplane: name, tags); never part of what a profile asks for. */
    private static final Set<String> NOT_RECORDED = Set.of("name", "tags", "vmid", "digest", "meta", "vmgenid",
            "smbios1", "lock", "parent", "snaptime", "vmstate", "runningmachine", "runningcpu",
            "running-nets-host-mtu", "template", "pending");
    private static final Set<String> NETWORK_FIELDS = Set.of("model", "macaddr", "bridge", "tag");

    private ProfileFromVm() {
    }

    public static ProfileSpec read(String name, @Nullable String cluster, String node, @Nullable Integer vmid,
            Map<String, String> config, List<FieldError> problems) {
        Map<String, String> settings = new TreeMap<>();
        List<Disk> disks = disks(config, settings);
        Network network = network(config.get("net0"), settings);
        String gpu = gpu(config.get("hostpci0"), settings);
        config.forEach((key, value) -> {
            if (NOT_RECORDED.contains(key) || key.matches("^unused\\d+$") || isDrive(key) || key.equals("net0")
                    || key.equals("hostpci0") || key.equals("cores") || key.equals("memory")
                    || key.equals("description")) {
                return;
            }
            if (key.equals("efidisk0") || key.equals("tpmstate0")) {
                settings.put(key, smallVolume(value));
            } else {
                settings.put(key, value);
            }
        });
        List<String> tags = config.containsKey("tags") ? Arrays.stream(config.get("tags").split("[;, ]"))
                .map(String::trim).filter(tag -> !tag.isEmpty() && !tag.startsWith(ProfileTags.MANAGED)).toList()
                : List.of();
        if (disks.isEmpty()) {
            problems.add(new FieldError("disks", "the VM has no disk on a storage with a whole number of GiB; a "
                    + "profile needs at least one"));
        }
        if (!config.containsKey("net0")) {
            // a profile always has a network card: recording this VM would plan adding one
            problems.add(new FieldError("net0", "the VM has no network card net0; a profile always has one, so "
                    + "add one to the VM first"));
        }
        Integer cores = whole(config.getOrDefault("cores", "1"), "cores", problems);
        Integer memory = whole(memory(config.getOrDefault("memory", "512")), "memory", problems);
        return new ProfileSpec(name, config.getOrDefault("description", "").strip(), node, vmid, AS_IS,
                cores, memory, disks, gpu, network, tags, settings, cluster);
    }

    /**
     * The drives with a volume on a storage and a whole number of GiB become the profile's disks;
     * any other drive (a host device, an odd size) is recorded in the settings as it is, so that
     * nothing is lost and no plan touches it.
     */
    private static List<Disk> disks(Map<String, String> config, Map<String, String> settings) {
        String bootDisk = bootDisk(config);
        List<Disk> disks = new ArrayList<>();
        config.keySet().stream().filter(ProfileFromVm::isDrive).sorted(Comparator.naturalOrder()).forEach(key -> {
            String value = config.get(key);
            if (isCdrom(value)) {
                return;
            }
            PropertyString drive = PropertyString.parse(value);
            Long bytes = Sizes.bytes(drive.get("size"));
            String storage = drive.storage();
            if (storage == null || !storage.matches("^[a-zA-Z][a-zA-Z0-9_-]+$") || bytes == null
                    || bytes % Sizes.gib(1) != 0 || bytes == 0 || disks.size() == MAX_DISKS) {
                settings.put(key, value);
                return;
            }
            Map<String, String> options = new LinkedHashMap<>(drive.options());
            options.remove("size");
            disks.add(new Disk(key, storage, (int) (bytes / Sizes.gib(1)),
                    key.equals(bootDisk) ? DiskRole.SYSTEM : DiskRole.DATA,
                    new PropertyString(null, options).print()));
        });
        if (disks.stream().noneMatch(disk -> disk.role() == DiskRole.SYSTEM) && !disks.isEmpty()) {
            Disk first = disks.get(0);
            disks.set(0, new Disk(first.slot(), first.storage(), first.sizeGiB(), DiskRole.SYSTEM, first.options()));
        }
        return disks;
    }

    /** The card's model, MAC, bridge and VLAN are the network field; its other options a template. */
    private static Network network(@Nullable String net0, Map<String, String> settings) {
        if (net0 == null) {
            return Network.defaultBridge();
        }
        NetworkCard card = NetworkCard.parse(net0);
        Map<String, String> rest = new TreeMap<>(card.options());
        NETWORK_FIELDS.forEach(rest::remove);
        if (!rest.isEmpty()) {
            settings.put("net[n]", new PropertyString(null, rest).print());
        }
        String tag = card.options().get("tag");
        return new Network(card.options().getOrDefault("bridge", "vmbr0"), card.mac() == null ? null
                : card.mac().toUpperCase(), tag == null || !tag.matches("\\d{1,4}") ? null : Integer.valueOf(tag),
                card.model());
    }

    /** A mapped GPU is the gpu field with its options as a template; a raw device stays as it is. */
    private static @Nullable String gpu(@Nullable String hostpci0, Map<String, String> settings) {
        if (hostpci0 == null) {
            return null;
        }
        PropertyString device = PropertyString.parse(hostpci0);
        String mapping = device.get("mapping");
        if (mapping == null || device.head() != null || device.get("host") != null) {
            settings.put("hostpci0", hostpci0);
            return null;
        }
        Map<String, String> rest = new LinkedHashMap<>(device.options());
        rest.remove("mapping");
        if (!rest.isEmpty()) {
            settings.put("hostpci[n]", new PropertyString(null, rest).print());
        }
        return mapping;
    }

    /** The EFI or TPM disk as sent on create ({@code storage:1,options}), so rendering can name it. */
    private static String smallVolume(String value) {
        PropertyString volume = PropertyString.parse(value);
        if (volume.storage() == null) {
            return value;
        }
        Map<String, String> options = new LinkedHashMap<>(volume.options());
        options.remove("size");
        return new PropertyString(volume.storage() + ":1", options).print();
    }

    /** The disk the VM boots from: first of {@code boot: order=…}, else the first SCSI disk. */
    private static @Nullable String bootDisk(Map<String, String> config) {
        String order = PropertyString.parse(config.getOrDefault("boot", "")).get("order");
        if (order != null) {
            for (String device : order.split(";")) {
                if (config.containsKey(device) && isDrive(device) && !isCdrom(config.get(device))) {
                    return device;
                }
            }
        }
        return config.keySet().stream().filter(key -> key.matches("^scsi\\d+$")).filter(key -> !isCdrom(config.get(key)))
                .sorted().findFirst().orElse(null);
    }

    private static String memory(String value) {
        PropertyString memory = PropertyString.parse(value);
        return memory.head() != null ? memory.head() : String.valueOf(memory.get("current"));
    }

    private static @Nullable Integer whole(String value, String key, List<FieldError> problems) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldError(key, "the VM's " + key + " '" + value + "' is not a whole number"));
            return null;
        }
    }

    private static boolean isDrive(String key) {
        return key.matches("^(scsi|virtio|sata|ide)\\d+$");
    }

    private static boolean isCdrom(@Nullable String value) {
        return value != null && "cdrom".equals(PropertyString.parse(value).get("media"));
    }
}
