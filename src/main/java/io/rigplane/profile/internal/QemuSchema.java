package io.rigplane.profile.internal;

import static io.rigplane.profile.internal.SchemaParam.bool;
import static io.rigplane.profile.internal.SchemaParam.integer;
import static io.rigplane.profile.internal.SchemaParam.number;
import static io.rigplane.profile.internal.SchemaParam.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The VM config keys of {@code POST /nodes/{node}/qemu} with their types, ranges, enums and
 * property-string formats, written by hand after the Proxmox VE API documentation (PVE 9.1).
 * {@code QemuSchemaConformanceTest} compares it with the published schema where that is at hand.
 */
public final class QemuSchema {

    static final String VOLUME = "(none|cdrom|/dev/\\S+|[a-zA-Z][\\w.-]*:\\S+)";
    static final String DISK_SIZE = "\\d+(\\.\\d+)?[KMGT]?";
    static final String MAC = "[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}";
    static final String PCI_ID = "(?:[a-f0-9]{4,}:)?[a-f0-9]{2}:[a-f0-9]{2}(?:\\.[a-f0-9])?";
    static final List<String> NIC_MODELS = List.of("e1000", "e1000-82540em", "e1000-82544gc", "e1000-82545em",
            "e1000e", "i82551", "i82557b", "i82559er", "ne2k_isa", "ne2k_pci", "pcnet", "rtl8139", "virtio", "vmxnet3");
    static final List<String> DISK_FAMILIES = List.of("scsi", "virtio", "sata", "ide");

    private QemuSchema() {
    }

    private static List<SchemaParam> throttles() {
        List<SchemaParam> limits = new ArrayList<>();
        for (String key : List.of("bps", "bps_rd", "bps_wr", "iops", "iops_rd", "iops_wr", "iops_max", "iops_rd_max",
                "iops_wr_max")) {
            limits.add(integer(key).min(0));
        }
        for (String key : List.of("mbps", "mbps_rd", "mbps_wr", "mbps_max", "mbps_rd_max", "mbps_wr_max")) {
            limits.add(number(key).min(0));
        }
        // the *_length ones are the schema's aliases of *_max_length
        for (String key : List.of("bps_max_length", "bps_rd_max_length", "bps_wr_max_length", "iops_max_length",
                "iops_rd_max_length", "iops_wr_max_length", "bps_rd_length", "bps_wr_length", "iops_rd_length",
                "iops_wr_length")) {
            limits.add(integer(key).min(1));
        }
        return limits;
    }

    private static List<SchemaParam> diskKeys(boolean scsi, boolean iothread, boolean ssdAndWwn) {
        List<SchemaParam> keys = new ArrayList<>(List.of(
                str("file").required().pattern(VOLUME),
                str("volume").pattern(VOLUME),
                str("aio").oneOf("native", "threads", "io_uring"),
                bool("backup"),
                str("cache").oneOf("none", "writethrough", "writeback", "unsafe", "directsync"),
                bool("detect_zeroes"),
                str("discard").oneOf("ignore", "on"),
                str("format").oneOf("raw", "qcow", "qed", "qcow2", "vmdk", "cloop"),
                str("import-from"),
                str("media").oneOf("cdrom", "disk"),
                bool("replicate"),
                str("rerror").oneOf("ignore", "report", "stop"),
                str("serial").maxLength(60),
                bool("shared"),
                str("size").pattern(DISK_SIZE),
                bool("snapshot"),
                bool("ssd"),
                str("werror").oneOf("enospc", "ignore", "report", "stop"),
                str("wwn").pattern("(?:0x)?[0-9a-fA-F]{16}")));
        keys.addAll(throttles());
        if (!ssdAndWwn) {
            keys.removeIf(param -> param.name().equals("ssd") || param.name().equals("wwn"));
        }
        if (iothread) {
            keys.add(bool("iothread"));
            keys.add(bool("ro"));
        }
        if (scsi) {
            keys.add(str("product").maxLength(16));
            keys.add(str("vendor").maxLength(8));
            keys.add(integer("queues").min(2));
            keys.add(bool("scsiblock"));
        }
        return keys;
    }

    static final SchemaFormat SCSI = new SchemaFormat("file", diskKeys(true, true, true));
    static final SchemaFormat VIRTIO = new SchemaFormat("file", diskKeys(false, true, false));
    static final SchemaFormat SATA = new SchemaFormat("file", diskKeys(false, false, true));
    static final SchemaFormat IDE = new SchemaFormat("file",
            Stream.concat(diskKeys(false, false, true).stream(), Stream.of(str("model").maxLength(40))).toList());
    public static final SchemaFormat EFIDISK = new SchemaFormat("file", List.of(
            str("file").required().pattern(VOLUME), str("volume").pattern(VOLUME), str("efitype").oneOf("2m", "4m"),
            str("format").oneOf("raw", "qcow", "qed", "qcow2", "vmdk", "cloop"), str("import-from"),
            str("ms-cert").oneOf("2011", "2023", "2023w", "2023k"), bool("pre-enrolled-keys"),
            str("size").pattern(DISK_SIZE)));
    public static final SchemaFormat TPMSTATE = new SchemaFormat("file", List.of(
            str("file").required().pattern(VOLUME), str("volume").pattern(VOLUME),
            str("format").oneOf("raw", "qcow2", "vmdk"), str("import-from"), str("size").pattern(DISK_SIZE),
            str("version").oneOf("v1.2", "v2.0")));
    public static final SchemaFormat NET = new SchemaFormat("model", List.of(
            str("model").required().oneOf(NIC_MODELS.toArray(String[]::new)), str("bridge").pattern("[-_.\\w\\d]+"),
            bool("firewall"), bool("link_down"), str("macaddr").pattern(MAC), integer("mtu").range(1L, 65520L),
            integer("queues").range(0L, 64L), number("rate").min(0), integer("tag").range(1L, 4094L),
            str("trunks").pattern("\\d+(?:-\\d+)?(?:;\\d+(?:-\\d+)?)*")), NIC_MODELS);
    public static final SchemaFormat HOSTPCI = new SchemaFormat("host", List.of(
            str("host").pattern(PCI_ID + "(?:;" + PCI_ID + ")*"),
            str("device-id").pattern("0x[0-9a-fA-F]{4}"), str("driver").oneOf("vfio", "keep"), bool("legacy-igd"),
            str("mapping").pattern("[a-zA-Z][a-zA-Z0-9_-]+"), str("mdev"), bool("pcie"), bool("rombar"),
            str("romfile"), str("sub-device-id").pattern("0x[0-9a-fA-F]{4}"),
            str("sub-vendor-id").pattern("0x[0-9a-fA-F]{4}"), str("vendor-id").pattern("0x[0-9a-fA-F]{4}"),
            bool("x-vga")));
    static final SchemaFormat CPU = new SchemaFormat("cputype", List.of(
            str("cputype").pattern("[a-zA-Z0-9_.-]+"),
            str("flags").pattern("[+-][a-zA-Z0-9_-]+(;[+-][a-zA-Z0-9_-]+)*"),
            integer("guest-phys-bits").range(32L, 64L), bool("hidden"), str("hv-vendor-id").pattern("[a-zA-Z0-9]{1,12}"),
            str("phys-bits").pattern("(host|[8-9]|[1-5][0-9]|6[0-4])"),
            str("reported-model").pattern("[a-zA-Z0-9_.-]+")));
    static final SchemaFormat AGENT = new SchemaFormat("enabled", List.of(
            bool("enabled").required(), bool("freeze-fs"), bool("freeze-fs-on-backup"), bool("fstrim_cloned_disks"),
            bool("guest-fsfreeze"), str("type").oneOf("virtio", "isa")));
    static final SchemaFormat MACHINE = new SchemaFormat("type", List.of(
            str("type").pattern("(pc|pc(-i440fx)?-\\d+(\\.\\d+)+(\\+pve\\d+)?(\\.pxe)?|q35|pc-q35-\\d+(\\.\\d+)+"
                    + "(\\+pve\\d+)?(\\.pxe)?|virt(?:-\\d+(\\.\\d+)+)?(\\+pve\\d+)?)"),
            number("aw-bits").range(32L, 64L), bool("enable-s3"), bool("enable-s4"), str("viommu").oneOf("intel", "virtio")));
    static final SchemaFormat MEMORY = new SchemaFormat("current", List.of(integer("current").required().min(16)));
    static final SchemaFormat VGA = new SchemaFormat("type", List.of(
            str("type").oneOf("cirrus", "qxl", "qxl2", "qxl3", "qxl4", "none", "serial0", "serial1", "serial2",
                    "serial3", "std", "virtio", "virtio-gl", "vmware"),
            str("clipboard").oneOf("vnc"), integer("memory").range(4L, 512L)));
    static final SchemaFormat BOOT = new SchemaFormat("legacy", List.of(
            str("legacy").pattern("[acdn]{1,4}"), str("order").pattern("[a-z]+\\d+(;[a-z]+\\d+)*")));
    static final SchemaFormat STARTUP = new SchemaFormat("order", List.of(
            integer("order").min(0), integer("up").min(0), integer("down").min(0)));
    static final SchemaFormat SMBIOS = new SchemaFormat(null, List.of(
            bool("base64"), str("family"), str("manufacturer"), str("product"), str("serial"), str("sku"),
            str("uuid").pattern("[a-fA-F0-9]{8}(-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}"), str("version")));

    /** The VM config keys create accepts. */
    static final List<SchemaParam> CONFIG = List.of(
            bool("acpi").byDefault("1"), str("affinity").pattern("[0-9,-]+"), str("agent").format(AGENT).byDefault("0"),
            bool("allow-ksm").byDefault("1"), str("amd-sev"), str("arch").oneOf("x86_64", "aarch64"), str("args"),
            str("audio0"), bool("autostart").byDefault("0"), integer("balloon").min(0),
            str("bios").oneOf("seabios", "ovmf").byDefault("seabios"), str("boot").format(BOOT),
            str("bootdisk").pattern("(ide|sata|scsi|virtio)\\d+"), str("cdrom").pattern(VOLUME), str("cicustom"),
            str("cipassword"), str("citype").oneOf("configdrive2", "nocloud", "opennebula"), bool("ciupgrade"),
            str("ciuser"), integer("cores").min(1).byDefault("1"), str("cpu").format(CPU),
            number("cpulimit").range(0L, 128L).byDefault("0"), integer("cpuunits").range(1L, 262144L),
            str("description").maxLength(8192), str("efidisk0").format(EFIDISK), bool("freeze"), str("hookscript"),
            str("hostpci[16]").format(HOSTPCI),
            str("hotplug").pattern("(0|1|(network|disk|cpu|memory|usb|cloudinit)(,(network|disk|cpu|memory|usb|cloudinit))*)")
                    .byDefault("network,disk,usb"),
            str("hugepages").oneOf("any", "2", "1024"), str("ide[4]").format(IDE), str("intel-tdx"),
            str("ipconfig[32]"), str("ivshmem"), bool("keephugepages").byDefault("0"),
            str("keyboard").oneOf("de", "de-ch", "da", "en-gb", "en-us", "es", "fi", "fr", "fr-be", "fr-ca", "fr-ch",
                    "hu", "is", "it", "ja", "lt", "mk", "nl", "no", "pl", "pt", "pt-br", "sv", "sl", "tr"),
            bool("kvm").byDefault("1"), bool("localtime"),
            str("lock").oneOf("backup", "clone", "create", "migrate", "rollback", "snapshot", "snapshot-delete",
                    "suspending", "suspended"),
            str("machine").format(MACHINE), str("memory").format(MEMORY).byDefault("512"),
            number("migrate_downtime").min(0).byDefault("0.1"), integer("migrate_speed").min(0).byDefault("0"),
            str("name").pattern("(?=.{1,63}$)[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*"),
            str("nameserver"), str("net[32]").format(NET), bool("numa").byDefault("0"), str("numa[8]"),
            bool("onboot").byDefault("0"),
            str("ostype").oneOf("other", "wxp", "w2k", "w2k3", "w2k8", "wvista", "win7", "win8", "win10", "win11",
                    "l24", "l26", "solaris").byDefault("other"),
            str("parallel[3]").pattern("/dev/parport\\d+|/dev/usb/lp\\d+"), bool("protection").byDefault("0"),
            bool("reboot").byDefault("1"), str("rng0"), str("sata[6]").format(SATA), str("scsi[31]").format(SCSI),
            str("scsihw").oneOf("lsi", "lsi53c810", "virtio-scsi-pci", "virtio-scsi-single", "megasas", "pvscsi")
                    .byDefault("lsi"),
            str("searchdomain"), str("serial[4]").pattern("(/dev/.+|socket)"),
            integer("shares").range(0L, 50000L).byDefault("1000"), str("smbios1").maxLength(512).format(SMBIOS),
            integer("smp").min(1), integer("sockets").min(1).byDefault("1"), str("spice_enhancements"), str("sshkeys"),
            str("startdate").pattern("(now|\\d{4}-\\d{1,2}-\\d{1,2}(T\\d{1,2}:\\d{1,2}:\\d{1,2})?)").byDefault("now"),
            str("startup").format(STARTUP), bool("tablet").byDefault("1"),
            str("tags").pattern("[a-zA-Z0-9_+.-]+([;, ][a-zA-Z0-9_+.-]+)*"), bool("tdf").byDefault("0"),
            bool("template").byDefault("0"), str("tpmstate0").format(TPMSTATE), str("unused[256]"), str("usb[5]"),
            integer("vcpus").min(1), str("vga").format(VGA), str("virtio[16]").format(VIRTIO), str("virtiofs[10]"),
            str("vmgenid"), str("vmstatestorage"), str("watchdog"));

    /** Parameters of create that are no config keys: they steer the create call itself. */
    public static final Set<String> CREATE_ONLY = Set.of("archive", "bwlimit", "force", "ha-managed",
            "import-working-storage", "live-restore", "node", "pool", "start", "storage", "unique", "vmid");

    /** Keys Proxmox writes itself; a VM's config shows them, no request sets them. */
    public static final Set<String> WRITTEN_BY_PROXMOX = Set.of("digest", "meta", "parent", "runningcpu", "runningmachine",
            "running-nets-host-mtu", "snaptime", "vmstate", "lock", "vmgenid", "smbios1", "unused");

    public static Optional<SchemaParam> find(String key) {
        return CONFIG.stream().filter(param -> param.matches(key)).findFirst();
    }

    /** The indexed family a template key such as {@code scsi[n]} names. */
    static Optional<SchemaParam> family(String templateKey) {
        if (!templateKey.endsWith("[n]")) {
            return Optional.empty();
        }
        String base = templateKey.substring(0, templateKey.length() - 3);
        return CONFIG.stream().filter(param -> param.indexCount() > 0 && param.name().equals(base)).findFirst();
    }

    /** What Proxmox uses when a VM's config lacks the key, where the schema gives one value. */
    public static Optional<String> defaultValue(String key) {
        return find(key).map(SchemaParam::defaultValue);
    }

    /** The family of a disk slot ({@code scsi} of {@code scsi3}), or null. */
    public static @Nullable String diskFamily(String key) {
        for (String family : DISK_FAMILIES) {
            if (key.startsWith(family) && key.length() > family.length()
                    && key.substring(family.length()).chars().allMatch(Character::isDigit)) {
                return family;
            }
        }
        return null;
    }

    public static SchemaFormat diskFormat(String family) {
        return switch (family) {
            case "scsi" -> SCSI;
            case "virtio" -> VIRTIO;
            case "sata" -> SATA;
            default -> IDE;
        };
    }

    /**
     * Config keys outside qemu-server's permission groups (cpu, memory, hardware type, general,
     * power, disk, network, cloud-init options): its check_vm_modify_config_perm answers anyone
     * but root@pam, an API token included, {@code only root can set 'KEY' config}.
     */
    private static final Set<String> ROOT_ONLY_KEYS = Set.of("args", "affinity", "amd-sev", "arch", "hookscript",
            "hugepages", "intel-tdx", "ivshmem", "keephugepages", "lock", "spice_enhancements", "vmgenid");

    /**
     * Why a key or value can only be set by root@pam, or null: API tokens (which Rigplane uses)
     * cannot set raw arguments, hook scripts, locks, hugepages, CPU affinity, host devices or ROM files.
     */
    public static @Nullable String rootOnly(String key, String value) {
        if (ROOT_ONLY_KEYS.contains(key)) {
            return "root-only in Proxmox: it cannot be set with an API token";
        }
        if (key.matches("^parallel\\d+$") || (key.matches("^serial\\d+$") && value.startsWith("/dev/"))) {
            return "a host device is root-only in Proxmox: it cannot be set with an API token";
        }
        if (key.matches("^usb\\d+$|^usb\\[n]$") && value.matches("(^|.*,)host=.*")) {
            return "a raw USB host device is root-only in Proxmox; use a cluster USB mapping (mapping=)";
        }
        if (key.matches("^hostpci\\d+$|^hostpci\\[n]$")) {
            Map<String, String> options = HOSTPCI.parse(value);
            if (options.containsKey("host")) {
                return "a raw PCI device (host=) is root-only in Proxmox; use a cluster PCI mapping (mapping=)";
            }
            if (options.containsKey("romfile")) {
                return "romfile is root-only in Proxmox: it cannot be set with an API token";
            }
        }
        return null;
    }
}
