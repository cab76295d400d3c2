package io.rigplane.profile.internal;

import io.rigplane.profile.ConfigEntry;
import io.rigplane.profile.Disk;
import io.rigplane.profile.DiskRole;
import io.rigplane.profile.Layer;
import io.rigplane.profile.Network;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileTags;
import io.rigplane.profile.RenderedConfig;
import io.rigplane.profile.platform.Platform;
import io.rigplane.profile.platform.PlatformChain;
import io.rigplane.profile.platform.PlatformDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Renders a profile down its platform chain: the profile's own keys, then each platform's from
 * the top, then Proxmox's defaults; a higher layer's key replaces a lower one's. Pure.
 */
public final class ChainRendering {

    /** Keys that matter on every platform: a VM that has one the profile does not ask for drifted. */
    static final Set<String> MANAGED = Set.of("machine", "cpu", "sockets", "numa", "onboot", "agent", "startup", "vga",
            "hugepages", "cpuunits", "affinity", "balloon", "bios", "ostype", "scsihw", "hostpci0");
    static final String PROFILE = "profile";
    static final String PROXMOX_DEFAULT = "proxmox-default";
    private static final List<String> DRIVE_ORDER = List.of("ide", "sata", "scsi", "virtio");

    private ChainRendering() {
    }

    /** A setting to apply: its key, value and the layer it comes from. */
    private record Setting(String key, String value, Layer layer, String source) {
    }

    public static RenderedConfig render(ProfileSpec spec, PlatformChain chain) {
        List<Setting> settings = settings(spec, chain);
        ConfigBuilder config;
        Set<String> managed = new TreeSet<>();
        Platform root = chain.root();
        if (root != null) {
            RenderedConfig base = root.render(spec.onPlatform(spec.platform(), spec.disks(), spec.network(), Map.of()));
            config = new ConfigBuilder();
            String rootId = root.id();
            base.entries().forEach(entry -> config.put(entry.layer() == Layer.PLATFORM
                    ? entry.from(Layer.PLATFORM, rootId) : entry.from(Layer.PROFILE, PROFILE)));
            managed.addAll(base.managedKeys());
            overlay(spec, settings, config);
        } else {
            config = new ConfigBuilder();
            renderFields(spec, settings, config);
            managed.addAll(MANAGED);
        }
        managed.addAll(config.keys());
        List<ConfigEntry> entries = config.build();
        List<ConfigEntry> defaults = new ArrayList<>();
        for (String key : managed) {
            if (config.get(key).isEmpty()) {
                defaults.add(new ConfigEntry(key, QemuSchema.defaultValue(key).orElse(null), null,
                        Layer.PROXMOX_DEFAULT, PROXMOX_DEFAULT));
            }
        }
        List<String> layers = new ArrayList<>();
        layers.add(PROFILE);
        layers.addAll(chain.ids());
        layers.add(PROXMOX_DEFAULT);
        return new RenderedConfig(spec.name(), chain.id(), entries, List.copyOf(managed), List.copyOf(layers),
                List.copyOf(defaults));
    }

    /** The platforms' data settings, bottom first, then the profile's: later ones win. */
    private static List<Setting> settings(ProfileSpec spec, PlatformChain chain) {
        List<Setting> settings = new ArrayList<>();
        for (PlatformDefinition layer : chain.dataLayersBottomUp()) {
            if (layer.osType() != null) {
                settings.add(new Setting("ostype", layer.osType(), Layer.PLATFORM, layer.id()));
            }
            layer.settings().forEach((key, value) -> settings.add(new Setting(key, value, Layer.PLATFORM, layer.id())));
        }
        spec.settings().forEach((key, value) -> settings.add(new Setting(key, value, Layer.PROFILE, PROFILE)));
        return settings;
    }

    /** The last setting of each key. */
    private static Map<String, Setting> effective(List<Setting> settings) {
        Map<String, Setting> last = new LinkedHashMap<>();
        settings.forEach(setting -> last.put(setting.key(), setting));
        return last;
    }

    /** A platform with no code below it: everything comes from the profile's fields and the settings. */
    private static void renderFields(ProfileSpec spec, List<Setting> settings, ConfigBuilder config) {
        Map<String, Setting> effective = effective(settings);
        config.profile("name", spec.name());
        config.profile("cores", String.valueOf(spec.cores()));
        config.profile("memory", String.valueOf(spec.memoryMiB()));
        if (!spec.description().isEmpty()) {
            config.profile("description", spec.description());
        }
        Set<String> tags = new TreeSet<>(spec.tags());
        tags.add(ProfileTags.MANAGED);
        config.profile("tags", String.join(";", tags));
        config.profile("net0", network(spec.network(), template(effective, "net[n]")));
        if (spec.gpu() != null) {
            config.profile("hostpci0", DriveOptions.parse("mapping=" + spec.gpu())
                    .with(DriveOptions.parse(template(effective, "hostpci[n]"))).printOptions());
        }
        VolumeNames volumes = new VolumeNames(spec.vmid());
        String defaultStorage = systemStorage(spec);
        Setting efi = effective.get("efidisk0");
        if (efi != null && defaultStorage != null) {
            smallVolume(config, efi, defaultStorage, volumes);
        }
        spec.disks().stream().sorted(driveOrder()).forEach(disk -> {
            String family = QemuSchema.diskFamily(disk.slot());
            DriveOptions options = DriveOptions.parse(template(effective, family + "[n]"))
                    .with(DriveOptions.parse(disk.options()));
            config.put(disk.slot(), options.after(volumes.next(disk.storage())) + ",size=" + disk.sizeGiB() + "G",
                    options.after(disk.storage() + ":" + disk.sizeGiB()), Layer.PROFILE, PROFILE);
        });
        Setting tpm = effective.get("tpmstate0");
        if (tpm != null && defaultStorage != null) {
            smallVolume(config, tpm, defaultStorage, volumes);
        }
        effective.values().stream().filter(setting -> isPlain(setting.key()))
                .forEach(setting -> config.put(setting.key(), setting.value(), null, setting.layer(), setting.source()));
        if (spec.vmid() == null) {
            config.useCreateValuesForVolumes();
        }
    }

    /**
     * A platform rendered by code, with data platforms above it: each of their settings replaces
     * the code's value for its key, then the profile's settings replace both.
     */
    private static void overlay(ProfileSpec spec, List<Setting> settings, ConfigBuilder config) {
        VolumeNames spare = new VolumeNames(spec.vmid());
        for (Setting setting : settings) {
            String key = setting.key();
            if (key.equals("efidisk0") || key.equals("tpmstate0")) {
                ConfigEntry old = config.get(key).orElse(null);
                String storage = old == null || old.createValue() == null ? systemStorage(spec)
                        : DriveOptions.parse(old.createValue()).storage();
                if (storage != null) {
                    smallVolume(config, setting, storage, spare);
                    if (old != null && DriveOptions.parse(setting.value()).storage() == null) {
                        // the same volume with other options: keep the name rendering gave it
                        ConfigEntry fresh = config.get(key).orElseThrow();
                        String head = DriveOptions.parse(old.value()).head();
                        config.put(key, DriveOptions.parse(fresh.value()).after(String.valueOf(head)),
                                fresh.createValue(), fresh.layer(), fresh.source());
                    }
                }
            } else if (key.endsWith("[n]")) {
                applyTemplate(spec, config, setting);
            } else {
                config.put(key, setting.value(), null, setting.layer(), setting.source());
            }
        }
    }

    private static void applyTemplate(ProfileSpec spec, ConfigBuilder config, Setting setting) {
        String family = setting.key().substring(0, setting.key().length() - 3);
        DriveOptions template = DriveOptions.parse(setting.value());
        if (family.equals("hostpci")) {
            config.get("hostpci0").ifPresent(entry -> config.put("hostpci0",
                    DriveOptions.parse("mapping=" + spec.gpu()).with(template).printOptions(), null, entry.layer(),
                    entry.source()));
        } else if (family.equals("net")) {
            config.get("net0").ifPresent(entry -> config.put("net0", network(spec.network(), setting.value()), null,
                    entry.layer(), entry.source()));
        } else {
            for (Disk disk : spec.disks()) {
                if (!family.equals(QemuSchema.diskFamily(disk.slot()))) {
                    continue;
                }
                config.get(disk.slot()).ifPresent(entry -> {
                    DriveOptions options = template.with(DriveOptions.parse(disk.options()));
                    String volume = DriveOptions.parse(entry.value()).head();
                    String created = DriveOptions.parse(entry.createValue()).head();
                    config.put(disk.slot(), options.after(String.valueOf(volume)) + ",size=" + disk.sizeGiB() + "G",
                            options.after(String.valueOf(created)), entry.layer(), entry.source());
                });
            }
        }
    }

    /** The EFI or TPM disk: on the storage its setting names, else on the system disk's. */
    private static void smallVolume(ConfigBuilder config, Setting setting, String defaultStorage, VolumeNames volumes) {
        DriveOptions written = DriveOptions.parse(setting.value());
        String storage = written.storage() != null ? written.storage() : defaultStorage;
        DriveOptions options = new DriveOptions(null, written.options()).without("file", "size", "import-from");
        config.put(setting.key(), options.after(volumes.next(storage)), options.after(storage + ":1"), setting.layer(),
                setting.source());
    }

    private static String network(Network network, @Nullable String template) {
        StringBuilder head = new StringBuilder(network.modelOrDefault());
        if (network.mac() != null) {
            head.append('=').append(network.mac().toUpperCase());
        }
        DriveOptions options = DriveOptions.parse("bridge=" + network.bridge());
        if (network.vlanTag() != null) {
            options = options.with(DriveOptions.parse("tag=" + network.vlanTag()));
        }
        DriveOptions extra = DriveOptions.parse(template).without("model", "macaddr", "bridge", "tag");
        return options.with(extra).after(head.toString());
    }

    private static @Nullable String template(Map<String, Setting> effective, String key) {
        Setting setting = effective.get(key);
        return setting == null ? null : setting.value();
    }

    /** Keys rendered as written; devices, templates and the EFI and TPM disks have their own rules. */
    private static boolean isPlain(String key) {
        return !key.endsWith("[n]") && !key.equals("efidisk0") && !key.equals("tpmstate0");
    }

    static @Nullable String systemStorage(ProfileSpec spec) {
        return spec.disks().stream().filter(disk -> disk.role() == DiskRole.SYSTEM).findFirst()
                .or(() -> spec.disks().stream().findFirst()).map(Disk::storage).orElse(null);
    }

    private static Comparator<Disk> driveOrder() {
        return Comparator.<Disk>comparingInt(disk -> DRIVE_ORDER.indexOf(QemuSchema.diskFamily(disk.slot())))
                .thenComparingInt(disk -> Integer.parseInt(disk.slot().replaceAll("\\D", "")));
    }
}
