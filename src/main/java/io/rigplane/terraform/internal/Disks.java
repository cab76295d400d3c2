package io.rigplane.terraform.internal;

import io.rigplane.proxmox.PropertyString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Disks, the CD drive, the EFI disk and the TPM state: {@code disk}, {@code cdrom},
 * {@code efi_disk} and {@code tpm_state}. A disk's volume is {@code datastore:volume} once it
 * exists, or {@code datastore:size} in the form Proxmox creates it from.
 */
final class Disks {

    static final Pattern DRIVE = Pattern.compile("^(ide|sata|scsi|virtio)(\\d+)$");
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?)([KMGT]?)$");
    private static final long GIB = 1024L * 1024L * 1024L;

    /** Disk option to bpg attribute, for options carried as they are. */
    private static final Map<String, String> STRING_OPTIONS = Map.of(
            "aio", "aio", "cache", "cache", "discard", "discard", "serial", "serial", "format", "file_format",
            "import-from", "import_from");
    private static final Map<String, String> FLAG_OPTIONS = Map.of(
            "backup", "backup", "iothread", "iothread", "replicate", "replicate", "ssd", "ssd");
    /** Disk option to the attribute of the disk's {@code speed} block. */
    private static final Map<String, String> SPEED_OPTIONS = Map.of(
            "iops_rd", "iops_read", "iops_rd_max", "iops_read_burstable", "iops_wr", "iops_write",
            "iops_wr_max", "iops_write_burstable", "mbps_rd", "read", "mbps_rd_max", "read_burstable",
            "mbps_wr", "write", "mbps_wr_max", "write_burstable");

    private Disks() {
    }

    static void export(ExportContext vm) {
        List<String> drives = new ArrayList<>(vm.remaining().keySet().stream()
                .filter(key -> DRIVE.matcher(key).matches()).toList());
        drives.sort(Comparator.comparing((String key) -> bus(key)).thenComparingInt(Disks::index));
        boolean cdromTaken = false;
        for (String key : drives) {
            String value = vm.peek(key);
            PropertyString drive = PropertyString.parse(value);
            if (drive.value("file") != null && drive.value("file").contains("cloudinit")) {
                vm.take(key);
                vm.unmapped(key, value, "a cloud-init drive: the provider's initialization block makes it;"
                        + " Rigplane does not carry cloud-init");
            } else if ("cdrom".equals(drive.get("media"))) {
                if (!cdromTaken && !key.startsWith("virtio")) {
                    cdromTaken = true;
                    vm.take(key);
                    Map<String, Object> cdrom = new LinkedHashMap<>();
                    cdrom.put("interface", key);
                    cdrom.put("file_id", drive.value("file") == null ? "cdrom" : drive.value("file"));
                    vm.addBlock("cdrom", cdrom);
                } else {
                    vm.take(key);
                    vm.unmapped(key, value, "the provider has one CD drive");
                }
            } else if (key.startsWith("ide")) {
                vm.take(key);
                vm.unmapped(key, value, "the provider attaches disks to scsi, sata and virtio only");
            } else {
                exportDisk(vm, key, drive);
            }
        }
        exportEfiDisk(vm);
        exportTpmState(vm);
        vm.takeNumbered("unused").forEach((key, value) ->
                vm.unmapped(key, value, "a detached volume: the provider does not track it"));
    }

    private static void exportDisk(ExportContext vm, String key, PropertyString drive) {
        String value = vm.peek(key);
        String file = drive.value("file");
        Volume volume = file == null ? null : Volume.parse(file);
        Long size = gib(drive.get("size"));
        if (volume != null && volume.createSize() != null) {
            size = volume.createSize();
        }
        if (volume == null || size == null) {
            vm.take(key);
            vm.unmapped(key, value, drive.get("size") == null && (volume == null || volume.createSize() == null)
                    ? "no size: the provider needs one" : "the provider sizes disks in whole GiB");
            return;
        }
        vm.take(key);
        Map<String, Object> disk = new LinkedHashMap<>();
        disk.put("interface", key);
        disk.put("datastore_id", volume.datastore());
        if (volume.datastore().isEmpty()) {
            disk.put("path_in_datastore", volume.path());
        }
        disk.put("size", size);
        Map<String, Object> speed = new LinkedHashMap<>();
        drive.options().forEach((option, optionValue) -> {
            if (option.equals("file") || option.equals("size")) {
                return;
            }
            if (STRING_OPTIONS.containsKey(option)) {
                disk.put(STRING_OPTIONS.get(option), optionValue);
            } else if (FLAG_OPTIONS.containsKey(option) && ProxmoxValue.flag(optionValue) != null) {
                disk.put(FLAG_OPTIONS.get(option), ProxmoxValue.flag(optionValue));
            } else if (option.equals("queues") && ProxmoxValue.whole(optionValue) != null) {
                disk.put("queues", ProxmoxValue.whole(optionValue));
            } else if (SPEED_OPTIONS.containsKey(option) && ProxmoxValue.whole(optionValue) != null) {
                speed.put(SPEED_OPTIONS.get(option), ProxmoxValue.whole(optionValue));
            } else {
                vm.unmapped(key, option + "=" + optionValue, "the provider has no attribute for this disk option");
            }
        });
        if (!speed.isEmpty()) {
            disk.put("speed", List.of(speed));
        }
        vm.addBlock("disk", disk);
    }

    private static void exportEfiDisk(ExportContext vm) {
        String value = vm.take("efidisk0");
        if (value == null) {
            return;
        }
        PropertyString parsed = PropertyString.parse(value);
        Volume volume = Volume.parse(parsed.value("file") == null ? "" : parsed.value("file"));
        Map<String, Object> efi = new LinkedHashMap<>();
        efi.put("datastore_id", volume == null ? "" : volume.datastore());
        parsed.options().forEach((option, optionValue) -> {
            switch (option) {
                case "file", "size" -> { }
                case "format" -> efi.put("file_format", optionValue);
                case "efitype" -> efi.put("type", optionValue);
                case "pre-enrolled-keys" -> efi.put("pre_enrolled_keys", Boolean.TRUE.equals(ProxmoxValue.flag(optionValue)));
                default -> vm.unmapped("efidisk0", option + "=" + optionValue,
                        "the provider has no attribute for this EFI disk option");
            }
        });
        vm.addBlock("efi_disk", efi);
    }

    private static void exportTpmState(ExportContext vm) {
        String value = vm.take("tpmstate0");
        if (value == null) {
            return;
        }
        PropertyString parsed = PropertyString.parse(value);
        Volume volume = Volume.parse(parsed.value("file") == null ? "" : parsed.value("file"));
        Map<String, Object> tpm = new LinkedHashMap<>();
        tpm.put("datastore_id", volume == null ? "" : volume.datastore());
        // Proxmox's TPM is v1.2 unless it says otherwise; the provider's is v2.0
        tpm.put("version", parsed.get("version") == null ? "v1.2" : parsed.get("version"));
        parsed.options().keySet().stream().filter(option -> !List.of("file", "size", "version").contains(option))
                .forEach(option -> vm.unmapped("tpmstate0", option + "=" + parsed.get(option),
                        "the provider has no attribute for this TPM option"));
        vm.addBlock("tpm_state", tpm);
    }

    static void read(ImportContext vm) {
        AttributeBlock resource = vm.resource();
        if (resource.isSet("disk")) {
            for (AttributeBlock disk : resource.blocks("disk")) {
                readDisk(vm, disk);
            }
        } else {
            // the provider gives a VM without disk blocks one disk of its own
            vm.put("scsi0", new ProxmoxValue("local-lvm:8").option("size", "8G"));
        }
        AttributeBlock cdrom = resource.block("cdrom");
        if (cdrom != null && !Boolean.FALSE.equals(cdrom.bool("enabled"))) {
            String slot = cdrom.string("interface");
            slot = slot == null || slot.isEmpty() ? "ide3" : slot;
            String file = cdrom.string("file_id");
            if (!slot.matches("^(ide[0-3]|sata[0-5]|scsi([0-9]|[12][0-9]|30))$")) {
                vm.problem(cdrom.pathOf("interface"), "must be ide0-3, sata0-5 or scsi0-30");
            } else if (vm.has(slot)) {
                vm.problem(cdrom.pathOf("interface"), slot + " is taken by a disk");
            } else {
                vm.put(slot, new ProxmoxValue(file == null || file.isEmpty() ? "cdrom" : file).option("media", "cdrom"));
            }
        }
        readEfiDisk(vm, resource.block("efi_disk"));
        readTpmState(vm, resource.block("tpm_state"));
    }

    private static void readDisk(ImportContext vm, AttributeBlock disk) {
        String slot = disk.string("interface");
        if (slot == null || !DRIVE.matcher(slot).matches()) {
            vm.problem(disk.pathOf("interface"), "must be a disk interface such as scsi0, sata0 or virtio0");
            return;
        }
        if (vm.has(slot)) {
            vm.problem(disk.pathOf("interface"), slot + " is used twice");
            return;
        }
        String datastore = disk.string("datastore_id");
        datastore = datastore == null ? "local-lvm" : datastore;
        String path = disk.string("path_in_datastore");
        Long size = disk.integer("size");
        long gib = size == null ? 8L : size;
        // the volume once it exists, else the form Proxmox creates it from; the size as Proxmox stores it either way
        String head = path != null && !path.isEmpty() ? datastore.isEmpty() ? path : datastore + ":" + path
                : datastore + ":" + gib;
        ProxmoxValue value = new ProxmoxValue(head).option("size", gib + "G");
        value.option("aio", disk.string("aio")).option("cache", disk.string("cache"))
                .option("discard", disk.string("discard")).option("serial", disk.string("serial"))
                .option("format", disk.string("file_format")).option("backup", disk.bool("backup"))
                .option("replicate", disk.bool("replicate"));
        Boolean iothread = disk.bool("iothread");
        if (!slot.startsWith("sata") && !slot.startsWith("ide")) {
            value.option("iothread", iothread);
        }
        Boolean ssd = disk.bool("ssd");
        if (!slot.startsWith("virtio")) {
            value.option("ssd", ssd);
        }
        Long queues = disk.integer("queues");
        if (queues != null && queues > 0) {
            value.option("queues", queues);
        }
        AttributeBlock speed = disk.block("speed");
        if (speed != null) {
            SPEED_OPTIONS.forEach((option, attribute) -> {
                Long limit = speed.integer(attribute);
                if (limit != null && limit > 0) {
                    value.option(option, limit);
                }
            });
        }
        for (String source : List.of("file_id", "import_from")) {
            String image = disk.string(source);
            if (image != null && !image.isEmpty()) {
                vm.creationOnly(disk.pathOf(source), "Rigplane creates empty disks: the disk would not hold " + image);
            }
        }
        vm.put(slot, value);
    }

    private static void readEfiDisk(ImportContext vm, @Nullable AttributeBlock efi) {
        if (efi == null) {
            return;
        }
        String datastore = efi.string("datastore_id");
        vm.put("efidisk0", new ProxmoxValue((datastore == null ? "local-lvm" : datastore) + ":1")
                .option("efitype", efi.string("type")).option("format", efi.string("file_format"))
                .option("pre-enrolled-keys", efi.bool("pre_enrolled_keys")));
    }

    private static void readTpmState(ImportContext vm, @Nullable AttributeBlock tpm) {
        if (tpm == null) {
            return;
        }
        String datastore = tpm.string("datastore_id");
        String version = tpm.string("version");
        vm.put("tpmstate0", new ProxmoxValue((datastore == null ? "local-lvm" : datastore) + ":1")
                .option("version", version == null ? "v2.0" : version.equals("v1.2") ? null : version));
    }

    private static String bus(String key) {
        return key.replaceAll("\\d+$", "");
    }

    private static int index(String key) {
        return Integer.parseInt(key.replaceAll("^\\D+", ""));
    }

    /** A size as Proxmox writes it, in whole GiB; null when it is not a whole number of GiB. */
    static @Nullable Long gib(@Nullable String size) {
        if (size == null) {
            return null;
        }
        Matcher matcher = SIZE.matcher(size.trim());
        if (!matcher.matches()) {
            return null;
        }
        int power = switch (matcher.group(2)) {
            case "K" -> 1;
            case "M" -> 2;
            case "G" -> 3;
            case "T" -> 4;
            default -> 0;
        };
        java.math.BigDecimal bytes = new java.math.BigDecimal(matcher.group(1))
                .multiply(java.math.BigDecimal.valueOf(1024).pow(power));
        java.math.BigDecimal[] gib = bytes.divideAndRemainder(java.math.BigDecimal.valueOf(GIB));
        return gib[1].signum() == 0 && gib[0].signum() > 0 ? gib[0].longValueExact() : null;
    }

    /** A drive's volume: {@code datastore:volume}, {@code datastore:size} on create, or a host path. */
    record Volume(String datastore, String path, @Nullable Long createSize) {

        static @Nullable Volume parse(String file) {
            if (file.startsWith("/")) {
                return new Volume("", file, null);
            }
            int colon = file.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            String rest = file.substring(colon + 1);
            Long createSize = rest.matches("^\\d+$") ? Long.valueOf(rest) : null;
            return new Volume(file.substring(0, colon), rest, createSize);
        }
    }
}
