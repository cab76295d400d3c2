package io.rigplane.terraform.internal;

import io.rigplane.proxmox.PropertyString;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Fits a config read from a Terraform document to the VM it names, so that binding the VM plans
 * nothing where the two agree. The provider reads a key the VM leaves out as its default, and
 * writes defaults the VM may never have had ({@code backup=1}, {@code iothread=0}); it knows
 * nothing of options it has no attribute for ({@code hidden=1}). Where the document and the VM
 * mean the same, under what the provider carries, the VM's own value is kept; where they differ,
 * the document's value stays and the first plan shows it.
 */
public final class ExistingVm {

    private static final Pattern DRIVE = Pattern.compile("^(ide|sata|scsi|virtio)\\d+$");
    private static final Set<String> NET_MODELS = Set.of("e1000", "e1000-82540em", "e1000-82544gc", "e1000-82545em",
            "e1000e", "i82551", "i82557b", "i82559er", "ne2k_isa", "ne2k_pci", "pcnet", "rtl8139", "virtio", "vmxnet3");

    /** The value a key the VM leaves out is read as, by Proxmox or by the provider. */
    private static final Map<String, Set<String>> ABSENT = Map.ofEntries(
            Map.entry("acpi", Set.of("1")), Map.entry("tablet", Set.of("1")), Map.entry("numa", Set.of("0")),
            Map.entry("sockets", Set.of("1")), Map.entry("cores", Set.of("1")), Map.entry("onboot", Set.of("0")),
            Map.entry("protection", Set.of("0")), Map.entry("template", Set.of("0")), Map.entry("kvm", Set.of("1")),
            Map.entry("keyboard", Set.of("en-us")), Map.entry("bios", Set.of("seabios")),
            Map.entry("ostype", Set.of("other")), Map.entry("scsihw", Set.of("lsi")),
            Map.entry("hotplug", Set.of("network,disk,usb")), Map.entry("memory", Set.of("512")),
            Map.entry("description", Set.of("")), Map.entry("machine", Set.of("")), Map.entry("args", Set.of("")));

    /**
     * Options of one kind of key: what the provider carries, what an option left out is read as,
     * and which options count only when both sides give them. Without the key, a device is not
     * there at all; a setting has its defaults.
     */
    private record Family(boolean device, Pattern keys, String headOption, Set<String> carried,
            Map<String, Set<String>> absent, Set<String> onlyIfBoth) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family(true, DRIVE, "file", Set.of("storage", "gib", "aio", "backup", "cache", "discard", "iothread",
                    "replicate", "serial", "ssd", "queues", "iops_rd", "iops_rd_max", "iops_wr", "iops_wr_max",
                    "mbps_rd", "mbps_rd_max", "mbps_wr", "mbps_wr_max", "media", "format"),
                    Map.of("aio", Set.of("io_uring"), "backup", Set.of("1"), "cache", Set.of("none"),
                            "discard", Set.of("ignore"), "iothread", Set.of("0"), "replicate", Set.of("1"),
                            "ssd", Set.of("0"), "queues", Set.of("0"), "media", Set.of("disk")),
                    Set.of("format", "gib")),
            new Family(true, Pattern.compile("^efidisk0$"), "file", Set.of("storage", "efitype", "pre-enrolled-keys", "format"),
                    Map.of("efitype", Set.of("2m"), "pre-enrolled-keys", Set.of("0")), Set.of("format")),
            new Family(true, Pattern.compile("^tpmstate0$"), "file", Set.of("storage", "version"),
                    Map.of("version", Set.of("v1.2")), Set.of()),
            new Family(true, Pattern.compile("^net\\d+$"), "model", Set.of("model", "macaddr", "bridge", "firewall",
                    "link_down", "tag", "mtu", "queues", "rate", "trunks"),
                    Map.of("firewall", Set.of("0"), "link_down", Set.of("0")), Set.of("macaddr")),
            new Family(true, Pattern.compile("^hostpci\\d+$"), "host", Set.of("host", "mapping", "mdev", "pcie", "rombar",
                    "romfile", "x-vga"), Map.of("pcie", Set.of("0"), "rombar", Set.of("1"), "x-vga", Set.of("0")), Set.of()),
            new Family(true, Pattern.compile("^usb\\d+$"), "host", Set.of("host", "mapping", "usb3"),
                    Map.of("usb3", Set.of("0")), Set.of()),
            new Family(false, Pattern.compile("^agent$"), "enabled", Set.of("enabled", "fstrim_cloned_disks", "type"),
                    Map.of("enabled", Set.of("0"), "fstrim_cloned_disks", Set.of("0"), "type", Set.of("virtio")), Set.of()),
            new Family(false, Pattern.compile("^vga$"), "type", Set.of("type", "memory", "clipboard"),
                    Map.of("type", Set.of("std")), Set.of("memory")),
            new Family(false, Pattern.compile("^cpu$"), "cputype", Set.of("cputype", "flags"),
                    Map.of("cputype", Set.of("qemu64", "kvm64")), Set.of()),
            new Family(true, Pattern.compile("^startup$"), "order", Set.of("order", "up", "down"), Map.of(), Set.of()),
            new Family(true, Pattern.compile("^audio0$"), "device", Set.of("device", "driver"),
                    Map.of("driver", Set.of("spice")), Set.of()),
            new Family(true, Pattern.compile("^watchdog$"), "model", Set.of("model", "action"),
                    Map.of("model", Set.of("i6300esb")), Set.of()),
            new Family(true, Pattern.compile("^rng0$"), "source", Set.of("source", "max_bytes", "period"),
                    Map.of("max_bytes", Set.of("1024"), "period", Set.of("1000")), Set.of()),
            new Family(true, Pattern.compile("^virtiofs\\d+$"), "dirid", Set.of("dirid", "cache", "direct-io", "expose-acl",
                    "expose-xattr"), Map.of("cache", Set.of("auto"), "direct-io", Set.of("0"), "expose-acl", Set.of("0"),
                    "expose-xattr", Set.of("0")), Set.of()),
            new Family(true, Pattern.compile("^numa\\d+$"), "cpus", Set.of("cpus", "hostnodes", "memory", "policy"),
                    Map.of(), Set.of()),
            new Family(true, Pattern.compile("^ivshmem$"), "size", Set.of("size", "name"), Map.of(), Set.of("name")),
            new Family(false, Pattern.compile("^memory$"), "current", Set.of("current"), Map.of("current", Set.of("512")), Set.of()));

    private ExistingVm() {
    }

    /**
     * The config to record for the VM: the document's, with the VM's own value wherever the two
     * mean the same; keys the VM has and the document would leave at their default are kept as
     * the VM has them. Keys where they differ are added to {@code differences}.
     */
    public static Map<String, String> fit(Map<String, String> fromDocument, Map<String, String> vm,
            Set<String> differences) {
        Map<String, String> fitted = new TreeMap<>();
        Set<String> keys = new TreeSet<>(fromDocument.keySet());
        keys.addAll(vm.keySet());
        for (String key : keys) {
            String wanted = fromDocument.get(key);
            String has = vm.get(key);
            if (key.equals("balloon")) {
                balloon(fitted, wanted, has, fromDocument.get("memory"), vm.get("memory"), differences);
            } else if (wanted != null && has != null) {
                boolean same = key.equals("name") || key.equals("tags") || equivalent(key, wanted, has);
                fitted.put(key, same ? has : wanted);
                if (!same) {
                    differences.add(key);
                }
            } else if (wanted != null) {
                if (!equivalent(key, wanted, null)) {
                    fitted.put(key, wanted);
                    differences.add(key);
                }
            } else if (has != null && hasAbsentReading(key)) {
                // the document leaves the key to its default: the VM's value is kept if it is that default
                if (equivalent(key, has, null)) {
                    fitted.put(key, has);
                } else {
                    differences.add(key);
                }
            }
        }
        return fitted;
    }

    /**
     * Without a balloon key Proxmox balloons up to all the memory, and the provider reads that as
     * a floating memory of 0; either reading of the VM matches a document that says so.
     */
    private static void balloon(Map<String, String> fitted, @Nullable String wanted, @Nullable String has,
            @Nullable String wantedMemory, @Nullable String hasMemory, Set<String> differences) {
        String memory = wantedMemory != null ? wantedMemory : hasMemory;
        if (has == null) {
            if (wanted != null && !wanted.equals("0") && !wanted.equals(memory)) {
                fitted.put("balloon", wanted);
                differences.add("balloon");
            }
        } else if (wanted == null ? has.equals(memory) || has.equals(hasMemory) : wanted.equals(has)) {
            fitted.put("balloon", has);
        } else {
            fitted.put("balloon", wanted == null ? String.valueOf(memory) : wanted);
            differences.add("balloon");
        }
    }

    private static boolean hasAbsentReading(String key) {
        Family family = family(key);
        return ABSENT.containsKey(key) || family != null && !family.device();
    }

    /** Whether two values of a key mean the same under what the provider carries; null is the key left out. */
    static boolean equivalent(String key, @Nullable String a, @Nullable String b) {
        Family family = family(key);
        if (family == null) {
            return Objects.equals(scalar(key, a), scalar(key, b));
        }
        if (a == null && b == null) {
            return true;
        }
        if ((a == null || b == null) && family.device()) {
            return false;
        }
        Map<String, String> left = options(family, a);
        Map<String, String> right = options(family, b);
        for (String option : family.carried()) {
            String x = left.get(option);
            String y = right.get(option);
            if (family.onlyIfBoth().contains(option) && (x == null || y == null)) {
                continue;
            }
            Set<String> absent = family.absent().getOrDefault(option, Set.of());
            boolean xAbsent = x == null || absent.contains(x);
            boolean yAbsent = y == null || absent.contains(y);
            if (!(xAbsent && yAbsent) && !Objects.equals(x, y)) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String scalar(String key, @Nullable String value) {
        if (value == null) {
            Set<String> absent = ABSENT.get(key);
            return absent == null ? null : absent.iterator().next();
        }
        String normal = normal(value);
        return ABSENT.getOrDefault(key, Set.of()).contains(normal) ? ABSENT.get(key).iterator().next() : normal;
    }

    private static @Nullable Family family(String key) {
        return FAMILIES.stream().filter(family -> family.keys().matcher(key).matches()).findFirst().orElse(null);
    }

    /** A value's options by name, the unnamed first value under the family's name for it; booleans as 1 and 0. */
    private static Map<String, String> options(Family family, @Nullable String value) {
        Map<String, String> options = new HashMap<>();
        if (value == null) {
            return options;
        }
        PropertyString parsed = PropertyString.parse(value);
        parsed.options().forEach((name, option) -> options.put(name, normal(option)));
        if (parsed.head() != null) {
            options.put(family.headOption(), parsed.head());
        }
        if (family.headOption().equals("file")) {
            String file = options.remove("file");
            Disks.Volume volume = file == null ? null : Disks.Volume.parse(file);
            if (volume != null) {
                options.put("storage", volume.datastore().isEmpty() ? volume.path() : volume.datastore());
            }
            Long gib = volume != null && volume.createSize() != null ? volume.createSize() : Disks.gib(options.get("size"));
            if (gib != null) {
                options.put("gib", String.valueOf(gib));
            }
        }
        if (family.headOption().equals("model")) {
            for (String model : NET_MODELS) {
                if (options.containsKey(model)) {
                    options.put("model", model);
                    options.put("macaddr", options.remove(model));
                }
            }
            if (options.containsKey("macaddr")) {
                options.put("macaddr", options.get("macaddr").toUpperCase(Locale.ROOT));
            }
            options.putIfAbsent("model", "virtio");
        }
        return options;
    }

    private static String normal(String value) {
        String trimmed = value.trim();
        return switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> "1";
            case "false", "off", "no" -> "0";
            default -> trimmed;
        };
    }
}
