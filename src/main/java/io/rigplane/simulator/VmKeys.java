package io.rigplane.simulator;

import static io.rigplane.simulator.Param.bool;
import static io.rigplane.simulator.Param.integer;
import static io.rigplane.simulator.Param.number;
import static io.rigplane.simulator.Param.str;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The keys of a QEMU VM configuration with their types and property-string formats, written by
 * hand from the Proxmox VE API documentation (qemu-server's PVE::QemuServer and Drive modules).
 */
final class VmKeys {
    /** Compiled once: the simulator asks this for every key of every config it reads or writes. */
    private static final Pattern DISK = Pattern.compile("(scsi|virtio|sata|ide)\\d+|efidisk0|tpmstate0");

    private VmKeys() {
    }

    static final String VOLUME = "(none|cdrom|/dev/\\S+|[a-zA-Z][\\w.-]*:\\S+)";
    static final String DISK_SIZE = "\\d+(\\.\\d+)?[KMGT]?";
    static final String MAC = "[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}";
    static final String UUID = "[a-fA-F0-9]{8}(-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}";
    static final List<String> WINDOWS = List.of("wxp", "w2k", "w2k3", "w2k8", "wvista", "win7", "win8", "win10", "win11");
    static final List<String> NIC_MODELS = List.of("e1000", "e1000-82540em", "e1000-82544gc", "e1000-82545em",
            "e1000e", "i82551", "i82557b", "i82559er", "ne2k_isa", "ne2k_pci", "pcnet", "rtl8139", "virtio", "vmxnet3");

    private static List<Param> throttles() {
        List<Param> t = new ArrayList<>();
        for (String k : List.of("bps", "bps_rd", "bps_wr", "iops", "iops_rd", "iops_wr", "iops_max", "iops_rd_max", "iops_wr_max")) {
            t.add(integer(k).min(0));
        }
        for (String k : List.of("mbps", "mbps_rd", "mbps_wr", "mbps_max", "mbps_rd_max", "mbps_wr_max")) {
            t.add(number(k).min(0));
        }
        for (String k : List.of("bps_max_length", "bps_rd_max_length", "bps_wr_max_length",
                "iops_max_length", "iops_rd_max_length", "iops_wr_max_length")) {
            t.add(integer(k).min(1));
        }
        return t;
    }

    private static List<Param> diskKeys(boolean scsi, boolean iothread) {
        return diskKeys(scsi, iothread, true);
    }

    private static List<Param> diskKeys(boolean scsi, boolean iothread, boolean ssdAndWwn) {
        List<Param> k = new ArrayList<>(List.of(
                str("file").required().pattern(VOLUME),
                str("aio").oneOf("native", "threads", "io_uring"),
                bool("backup"),
                str("cache").oneOf("none", "writethrough", "writeback", "unsafe", "directsync"),
                bool("detect_zeroes"),
                str("discard").oneOf("ignore", "on"),
                str("format").oneOf("raw", "cow", "qcow", "qed", "qcow2", "vmdk", "cloop"),
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
        k.addAll(throttles());
        if (!ssdAndWwn) {
            // VirtIO block devices have neither an SSD flag nor a WWN in qemu-server
            k.removeIf(p -> p.name().equals("ssd") || p.name().equals("wwn"));
        }
        if (iothread) {
            k.add(bool("iothread"));
            k.add(bool("ro"));
        }
        if (scsi) {
            k.add(str("product").maxLength(16));
            k.add(str("vendor").maxLength(8));
            k.add(integer("queues").min(2));
            k.add(bool("scsiblock"));
        }
        return k;
    }

    static final PropertyFormat SCSI = new PropertyFormat("file", diskKeys(true, true));
    static final PropertyFormat VIRTIO = new PropertyFormat("file", diskKeys(false, true, false));
    static final PropertyFormat SATA = new PropertyFormat("file", diskKeys(false, false));
    static final PropertyFormat IDE = new PropertyFormat("file",
            Stream.concat(diskKeys(false, false).stream(), Stream.of(str("model").maxLength(40))).toList());
    static final PropertyFormat EFIDISK = new PropertyFormat("file", List.of(
            str("file").required().pattern(VOLUME), str("efitype").oneOf("2m", "4m"),
            str("format").oneOf("raw", "cow", "qcow", "qed", "qcow2", "vmdk", "cloop"), str("import-from"),
            str("ms-cert").oneOf("2011", "2023"), bool("pre-enrolled-keys"), str("size").pattern(DISK_SIZE)));
    static final PropertyFormat TPMSTATE = new PropertyFormat("file", List.of(
            str("file").required().pattern(VOLUME), str("format").oneOf("raw", "qcow2", "vmdk"), str("import-from"),
            str("size").pattern(DISK_SIZE), str("version").oneOf("v1.2", "v2.0")));
    static final PropertyFormat UNUSED = new PropertyFormat("file", List.of(str("file").required().pattern(VOLUME)));
    static final PropertyFormat NET = new PropertyFormat("model", List.of(
            str("model").required().oneOf(NIC_MODELS.toArray(String[]::new)), str("bridge").pattern("[-_.\\w\\d]+"),
            bool("firewall"), bool("link_down"), str("macaddr").pattern(MAC), integer("mtu").range(1L, 65520L),
            integer("queues").range(0L, 64L), number("rate").min(0), integer("tag").range(1L, 4094L),
            str("trunks").pattern("\\d+(?:-\\d+)?(?:;\\d+(?:-\\d+)?)*")), NIC_MODELS);
    static final PropertyFormat HOSTPCI = new PropertyFormat("host", List.of(
            str("host").pattern("(?:[a-f0-9]{4,}:)?[a-f0-9]{2}:[a-f0-9]{2}(?:\\.[a-f0-9])?(?:;(?:[a-f0-9]{4,}:)?[a-f0-9]{2}:[a-f0-9]{2}(?:\\.[a-f0-9])?)*"),
            str("device-id").pattern("0x[0-9a-fA-F]{4}"), str("driver").oneOf("vfio", "keep"), bool("legacy-igd"),
            str("mapping").pattern("[a-zA-Z][a-zA-Z0-9_-]+"), str("mdev"), bool("pcie"), bool("rombar"),
            str("romfile"), str("sub-device-id").pattern("0x[0-9a-fA-F]{4}"),
            str("sub-vendor-id").pattern("0x[0-9a-fA-F]{4}"), str("vendor-id").pattern("0x[0-9a-fA-F]{4}"),
            bool("x-vga")));
    static final PropertyFormat CPU = new PropertyFormat("cputype", List.of(
            str("cputype").pattern("[a-zA-Z0-9_.-]+"), str("flags").pattern("[+-][a-zA-Z0-9_-]+(;[+-][a-zA-Z0-9_-]+)*"),
            integer("guest-phys-bits").range(32L, 64L), bool("hidden"), str("hv-vendor-id").pattern("[a-zA-Z0-9]{1,12}"),
            str("phys-bits").pattern("(host|[8-9]|[1-5][0-9]|6[0-4])"),
            str("reported-model").pattern("[a-zA-Z0-9_.-]+")));
    static final PropertyFormat AGENT = new PropertyFormat("enabled", List.of(
            bool("enabled").required(), bool("freeze-fs"), bool("fstrim_cloned_disks"), str("type").oneOf("virtio", "isa")));
    static final PropertyFormat MACHINE = new PropertyFormat("type", List.of(
            str("type").pattern("(pc|pc(-i440fx)?-\\d+(\\.\\d+)+(\\+pve\\d+)?(\\.pxe)?|q35|pc-q35-\\d+(\\.\\d+)+(\\+pve\\d+)?(\\.pxe)?|virt(?:-\\d+(\\.\\d+)+)?(\\+pve\\d+)?)"),
            number("aw-bits").range(32L, 64L), bool("enable-s3"), bool("enable-s4"), str("viommu").oneOf("intel", "virtio")));
    static final PropertyFormat MEMORY = new PropertyFormat("current", List.of(integer("current").required().min(16)));
    static final PropertyFormat VGA = new PropertyFormat("type", List.of(
            str("type").oneOf("cirrus", "qxl", "qxl2", "qxl3", "qxl4", "none", "serial0", "serial1", "serial2", "serial3",
                    "std", "virtio", "virtio-gl", "vmware"),
            str("clipboard").oneOf("vnc"), integer("memory").range(4L, 512L)));
    static final PropertyFormat SMBIOS = new PropertyFormat(null, List.of(
            bool("base64"), str("family"), str("manufacturer"), str("product"), str("serial"), str("sku"),
            str("uuid").pattern(UUID), str("version")));
    static final PropertyFormat BOOT = new PropertyFormat("legacy", List.of(
            str("legacy").pattern("[acdn]{1,4}"), str("order").pattern("[a-z]+\\d+(;[a-z]+\\d+)*")));
    static final PropertyFormat STARTUP = new PropertyFormat("order", List.of(
            integer("order").min(0), integer("up").min(0), integer("down").min(0)));
    static final PropertyFormat META = new PropertyFormat(null, List.of(
            str("creation-qemu").pattern("\\d+(\\.\\d+)+"), integer("ctime").min(0)));

    /** Configuration keys shared by create and update. */
    static final List<Param> CONFIG = List.of(
            bool("acpi"), str("affinity").pattern("[0-9,-]+"), str("agent").format(AGENT), bool("allow-ksm"),
            str("amd-sev"), str("arch").oneOf("x86_64", "aarch64"), str("args"),
            str("audio0"), bool("autostart"), integer("balloon").min(0), str("bios").oneOf("seabios", "ovmf"),
            str("boot").format(BOOT), str("bootdisk").pattern("(ide|sata|scsi|virtio)\\d+"), str("cdrom").pattern(VOLUME),
            str("cicustom"), str("cipassword"), str("citype").oneOf("configdrive2", "nocloud", "opennebula"),
            bool("ciupgrade"), str("ciuser"), integer("cores").min(1), str("cpu").format(CPU),
            number("cpulimit").range(0L, 128L), integer("cpuunits").range(1L, 262144L),
            str("description").maxLength(8192), str("efidisk0").format(EFIDISK), bool("freeze"), str("hookscript"),
            str("hostpci[16]").format(HOSTPCI), str("hotplug").pattern("(0|1|(network|disk|cpu|memory|usb|cloudinit)(,(network|disk|cpu|memory|usb|cloudinit))*)"),
            str("hugepages").oneOf("any", "2", "1024"), str("ide[4]").format(IDE), str("intel-tdx"),
            str("ipconfig[32]"), str("ivshmem"), bool("keephugepages"),
            str("keyboard").oneOf("de", "de-ch", "da", "en-gb", "en-us", "es", "fi", "fr", "fr-be", "fr-ca", "fr-ch",
                    "hu", "is", "it", "ja", "lt", "mk", "nl", "no", "pl", "pt", "pt-br", "sv", "sl", "tr"),
            bool("kvm"), bool("localtime"),
            str("lock").oneOf("backup", "clone", "create", "migrate", "rollback", "snapshot", "snapshot-delete",
                    "suspending", "suspended"),
            str("machine").format(MACHINE), str("memory").format(MEMORY), number("migrate_downtime").min(0),
            integer("migrate_speed").min(0),
            str("name").namedFormat("([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?\\.)*[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?",
                    "value does not look like a valid DNS name"),
            str("nameserver"), str("net[32]").format(NET), bool("numa"), str("numa[8]"), bool("onboot"),
            str("ostype").oneOf("other", "wxp", "w2k", "w2k3", "w2k8", "wvista", "win7", "win8", "win10", "win11",
                    "l24", "l26", "solaris"),
            str("parallel[3]").pattern("/dev/parport\\d+|/dev/usb/lp\\d+"), bool("protection"), bool("reboot"),
            str("rng0"), str("sata[6]").format(SATA), str("scsi[31]").format(SCSI),
            str("scsihw").oneOf("lsi", "lsi53c810", "virtio-scsi-pci", "virtio-scsi-single", "megasas", "pvscsi"),
            str("searchdomain"), str("serial[4]").pattern("(/dev/.+|socket)"), integer("shares").range(0L, 50000L),
            str("smbios1").maxLength(512).format(SMBIOS), integer("smp").min(1), integer("sockets").min(1),
            str("spice_enhancements"), str("sshkeys"),
            str("startdate").pattern("(now|\\d{4}-\\d{1,2}-\\d{1,2}(T\\d{1,2}:\\d{1,2}:\\d{1,2})?)"),
            str("startup").format(STARTUP), bool("tablet"), str("tags").pattern("[a-zA-Z0-9_+.-]+([;, ][a-zA-Z0-9_+.-]+)*"),
            bool("tdf"), bool("template"), str("tpmstate0").format(TPMSTATE), str("unused[256]").format(UNUSED),
            str("usb[5]"), integer("vcpus").min(1), str("vga").format(VGA), str("virtio[16]").format(VIRTIO),
            str("virtiofs[10]"), str("vmgenid").pattern("(?:" + UUID + "|[01])"), str("vmstatestorage"),
            str("watchdog"));

    /** Keys only the server writes; GET config shows them, no request may set them. */
    static final List<Param> READ_ONLY = List.of(
            str("meta").format(META), str("parent"), str("running-nets-host-mtu"), str("runningcpu"),
            str("runningmachine"), integer("snaptime"), str("vmstate"), str("digest"));

    static final List<String> FREE_FORM = List.of("amd-sev", "audio0", "cicustom", "intel-tdx", "ipconfig", "ivshmem",
            "numa", "rng0", "spice_enhancements", "usb", "virtiofs", "watchdog", "nameserver", "searchdomain",
            "hookscript", "vmstatestorage", "args", "sshkeys", "cipassword", "ciuser");

    /** qemu-server's option_exists: any key of the config description (digest is none). */
    static boolean exists(String key) {
        return !key.equals("digest") && find(key) != null;
    }

    static Param find(String key) {
        for (Param p : CONFIG) {
            if (p.matches(key)) {
                return p;
            }
        }
        for (Param p : READ_ONLY) {
            if (p.matches(key)) {
                return p;
            }
        }
        return null;
    }

    static boolean isDisk(String key) {
        return DISK.matcher(key).matches();
    }

    static PropertyFormat diskFormat(String key) {
        if (key.startsWith("scsi")) {
            return SCSI;
        } else if (key.startsWith("virtio")) {
            return VIRTIO;
        } else if (key.startsWith("sata")) {
            return SATA;
        } else if (key.startsWith("ide")) {
            return IDE;
        } else if (key.equals("efidisk0")) {
            return EFIDISK;
        } else if (key.equals("tpmstate0")) {
            return TPMSTATE;
        }
        return UNUSED;
    }
}
