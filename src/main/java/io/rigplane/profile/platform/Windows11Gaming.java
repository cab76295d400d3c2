package io.rigplane.profile.platform;

import io.rigplane.profile.Disk;
import io.rigplane.profile.DiskRole;
import io.rigplane.profile.Layer;
import io.rigplane.profile.Network;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileTags;
import io.rigplane.profile.RenderedConfig;
import io.rigplane.profile.internal.ConfigBuilder;
import io.rigplane.profile.internal.QemuSchema;
import io.rigplane.profile.internal.VolumeNames;
import io.rigplane.system.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Windows 11 with a passed-through GPU for game streaming: UEFI with Secure Boot keys, TPM 2.0,
 * q35 pinned, the KVM signature hidden against NVIDIA's "Code 43", one IO thread per disk.
 * Uses no root-only option, so it works with an API token.
 */
@Component
public class Windows11Gaming implements Platform {

    public static final String ID = "windows-11-gaming";
    static final String MACHINE = "pc-q35-10.0";
    static final String DISK_OPTIONS = "aio=io_uring,cache=none,discard=on,iothread=1";

    private static final Map<String, SettingRule> OVERRIDABLE = Map.ofEntries(
            rule(SettingRule.matching("machine", "^pc-q35-\\d+\\.\\d+(\\+pve\\d+)?$",
                    "a pinned q35 version such as pc-q35-10.0: pcie=1 passthrough needs q35, and Proxmox "
                            + "rewrites an unpinned one")),
            rule(SettingRule.matching("cpu", "^host,hidden=1(,flags=[+-][a-z0-9_-]+(;[+-][a-z0-9_-]+)*)?$",
                    "host,hidden=1 with optional flags: NVIDIA drivers stop with Code 43 when they see KVM")),
            rule(SettingRule.matching("sockets", "^[1-4]$", "1 to 4")),
            rule(SettingRule.matching("numa", "^[01]$", "0 or 1")),
            rule(SettingRule.matching("onboot", "^[01]$", "0 or 1")),
            rule(SettingRule.matching("agent", "^[01]$", "0 or 1")),
            rule(SettingRule.matching("startup", "^(order=\\d+)?(,?(up|down)=\\d+)*$",
                    "order=N with optional up=N and down=N")),
            rule(SettingRule.matching("vga", "^(none|std|virtio|qxl|vmware)(,memory=\\d+)?$",
                    "none, std, virtio, qxl or vmware, with optional memory=N")),
            rule(SettingRule.matching("cpuunits", "^([1-9]\\d{0,4}|1\\d{5}|2[0-5]\\d{4}|26[01]\\d{3}|262[01]\\d{2}|2621[0-3]\\d|26214[0-4])$",
                    "1 to 262144")),
            rule(SettingRule.matching("balloon", "^\\d+$", "a target in MiB, 0 to turn ballooning off")));

    private static final Map<String, String> FORBIDDEN = Map.ofEntries(
            Map.entry("bios", "Windows 11 needs UEFI (ovmf) for Secure Boot"),
            Map.entry("ostype", "the platform is Windows 11 (win11)"),
            Map.entry("scsihw", "iothread=1 on every disk needs virtio-scsi-single"),
            Map.entry("efidisk0", "the platform manages the EFI disk"),
            Map.entry("tpmstate0", "the platform manages the TPM, and its version can never change"),
            Map.entry("args", "root-only in Proxmox: it cannot be set with an API token"),
            Map.entry("romfile", "root-only in Proxmox: it cannot be set with an API token"),
            Map.entry("cores", "set the profile's cores field"),
            Map.entry("memory", "set the profile's memoryMiB field"),
            Map.entry("name", "the VM is named after the profile"),
            Map.entry("tags", "set the profile's tags field"),
            Map.entry("description", "set the profile's description field"));

    private static Map.Entry<String, SettingRule> rule(SettingRule rule) {
        return Map.entry(rule.key(), rule);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Windows 11 with GPU passthrough for game streaming (UEFI, TPM 2.0, q35, hidden KVM)";
    }

    @Override
    public List<FieldError> validate(ProfileSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < spec.disks().size(); i++) {
            Disk disk = spec.disks().get(i);
            if (disk.slot() != null && !disk.slot().startsWith("scsi")) {
                errors.add(new FieldError("disks[" + i + "].slot", "must be scsi0-scsi30 on " + ID
                        + ": disks sit on the VirtIO SCSI single controller so each gets its own IO thread"));
            }
        }
        if (spec.disks().stream().noneMatch(disk -> disk.role() == DiskRole.SYSTEM)) {
            errors.add(new FieldError("disks", "needs a system disk on " + ID
                    + ": Windows boots from it and the EFI and TPM disks go on its storage"));
        }
        spec.settings().forEach((key, value) -> checkSetting(spec, key, value, errors));
        return errors;
    }

    private static void checkSetting(ProfileSpec spec, String key, String value, List<FieldError> errors) {
        String field = "settings." + key;
        String forbidden = forbiddenReason(key);
        if (forbidden != null) {
            errors.add(new FieldError(field, "cannot be overridden on " + ID + ": " + forbidden));
            return;
        }
        SettingRule rule = OVERRIDABLE.get(key);
        if (rule == null) {
            errors.add(new FieldError(field, "is not a setting " + ID + " lets you override; allowed: "
                    + String.join(", ", new TreeSet<>(OVERRIDABLE.keySet()))));
        } else if (key.equals("balloon") && spec.gpu() != null && !value.equals("0")) {
            errors.add(new FieldError(field, "must be 0 with a GPU: passthrough pins all guest memory for DMA, "
                    + "so ballooning cannot work"));
        } else if (!rule.accepts().test(value)) {
            errors.add(new FieldError(field, "must be " + rule.expectation()));
        }
    }

    private static String forbiddenReason(String key) {
        if (key.matches("^hostpci\\d+$")) {
            return "set the profile's gpu field (a PCI mapping; raw host= devices are root-only)";
        }
        if (key.matches("^(scsi|virtio|sata|ide|unused)\\d+$")) {
            return "set the profile's disks field";
        }
        if (key.matches("^net\\d+$")) {
            return "set the profile's network field";
        }
        String forbidden = FORBIDDEN.get(key);
        return forbidden != null ? forbidden : QemuSchema.rootOnly(key, "");
    }

    @Override
    public RenderedConfig render(ProfileSpec spec) {
        ConfigBuilder config = new ConfigBuilder();
        config.platform("agent", "1");
        config.platform("balloon", "0");
        config.platform("bios", "ovmf");
        config.platform("cpu", "host,hidden=1");
        config.platform("machine", MACHINE);
        config.platform("ostype", "win11");
        config.platform("scsihw", "virtio-scsi-single");
        config.profile("name", spec.name());
        config.profile("cores", String.valueOf(spec.cores()));
        config.profile("memory", String.valueOf(spec.memoryMiB()));
        if (!spec.description().isEmpty()) {
            config.profile("description", spec.description());
        }
        renderTags(spec, config);
        renderNetwork(spec.network(), config);
        if (spec.gpu() != null) {
            config.profile("hostpci0", "mapping=" + spec.gpu() + ",pcie=1,x-vga=1");
        }
        renderDisks(spec, config);
        spec.settings().forEach(config::profile);
        return new RenderedConfig(spec.name(), ID, config.build(), managedKeys(config));
    }

    private static List<String> managedKeys(ConfigBuilder config) {
        Set<String> keys = new TreeSet<>(OVERRIDABLE.keySet());
        keys.add("hostpci0");
        keys.addAll(config.keys());
        return List.copyOf(keys);
    }

    private static void renderTags(ProfileSpec spec, ConfigBuilder config) {
        Set<String> tags = new TreeSet<>(spec.tags());
        tags.add(ProfileTags.MANAGED);
        config.put("tags", String.join(";", tags), null,
                spec.tags().isEmpty() ? Layer.PLATFORM : Layer.PROFILE);
    }

    private static void renderNetwork(Network network, ConfigBuilder config) {
        StringBuilder value = new StringBuilder("virtio");
        if (network.mac() != null) {
            value.append('=').append(network.mac().toUpperCase());
        }
        value.append(",bridge=").append(network.bridge());
        if (network.vlanTag() != null) {
            value.append(",tag=").append(network.vlanTag());
        }
        config.profile("net0", value.toString());
    }

    /**
     * Volume names follow the order Proxmox allocates them on create: the EFI disk, the disks by
     * slot, then the TPM. Without a VMID only the create form is known.
     */
    private static void renderDisks(ProfileSpec spec, ConfigBuilder config) {
        Disk system = spec.disks().stream().filter(disk -> disk.role() == DiskRole.SYSTEM).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("validated profiles have a system disk"));
        VolumeNames volumes = new VolumeNames(spec.vmid());
        config.put("efidisk0",
                volumes.next(system.storage()) + ",efitype=4m,pre-enrolled-keys=1,size=1M",
                system.storage() + ":1,efitype=4m,pre-enrolled-keys=1", Layer.PLATFORM);
        spec.disks().stream().sorted(Comparator.comparingInt(disk -> slotNumber(disk.slot()))).forEach(disk ->
                config.put(disk.slot(),
                        volumes.next(disk.storage()) + "," + DISK_OPTIONS + ",size=" + disk.sizeGiB() + "G,ssd=1",
                        disk.storage() + ":" + disk.sizeGiB() + "," + DISK_OPTIONS + ",ssd=1", Layer.PROFILE));
        config.put("tpmstate0", volumes.next(system.storage()) + ",size=4M,version=v2.0",
                system.storage() + ":1,version=v2.0", Layer.PLATFORM);
        if (spec.vmid() == null) {
            config.useCreateValuesForVolumes();
        }
    }

    private static int slotNumber(String slot) {
        return Integer.parseInt(slot.replaceAll("\\D", ""));
    }
}
