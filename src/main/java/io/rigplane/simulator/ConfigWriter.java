package io.rigplane.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes configuration changes the way qemu-server does: allocates new disks, adds MAC addresses,
 * prints drives and NICs canonically (other property strings stay as given), and parks changes that cannot be hot-plugged into a running
 * VM in the pending section.
 */
final class ConfigWriter {

    private static final Pattern NEW_DISK = Pattern.compile("([a-zA-Z][\\w.-]*):(\\d+(?:\\.\\d+)?)");
    /** Keys Proxmox applies to a running VM at once (hotplug defaults: network, disk, usb). */
    private static final Set<String> HOT = Set.of("name", "description", "tags", "onboot", "startup", "protection",
            "agent", "balloon", "lock", "cpulimit", "cpuunits", "hookscript", "vmstatestorage", "template");

    private final ClusterState state;

    ConfigWriter(ClusterState state) {
        this.state = state;
    }

    /** Result of an update: which keys went to pending (for the task log) and which volumes were destroyed. */
    record Outcome(List<String> applied, List<String> pending, List<String> destroyed, List<String> detached) {
    }

    Outcome update(SimVm vm, Map<String, String> sets, List<String> deletes, List<String> reverts, boolean create) {
        List<String> applied = new ArrayList<>();
        List<String> pendingKeys = new ArrayList<>();
        List<String> destroyed = new ArrayList<>();
        List<String> detached = new ArrayList<>();
        SimNode node = state.node(vm.node);
        for (String key : reverts) {
            vm.pending.remove(key);
            vm.pendingDelete.remove(key);
        }
        for (String key : deletes) {
            if (vm.running && !hotPluggable(vm, key)) {
                vm.pendingDelete.add(key);
                vm.pending.remove(key);
                pendingKeys.add(key);
                continue;
            }
            vm.pending.remove(key);
            vm.pendingDelete.remove(key);
            String old = vm.config.remove(key);
            if (old == null) {
                continue;
            }
            if (key.startsWith("unused")) {
                destroyed.add(VmKeys.UNUSED.parse(old).get("file"));
            } else if (VmKeys.isDisk(key)) {
                String file = VmKeys.diskFormat(key).parse(old).get("file");
                if (!isCdrom(key, old) && file.contains(":vm-")) {
                    String slot = nextIndexed(vm, "unused");
                    vm.config.put(slot, file);
                    detached.add(key + " -> " + slot);
                }
            }
            applied.add("delete " + key);
        }
        for (Map.Entry<String, String> e : inAllocationOrder(sets)) {
            String key = e.getKey();
            String value = normalize(vm, node, key, e.getValue(), create);
            if (vm.running && !hotPluggable(vm, key)) {
                vm.pending.put(key, value);
                vm.pendingDelete.remove(key);
                pendingKeys.add(key);
            } else {
                vm.config.put(key, value);
                vm.pending.remove(key);
                vm.pendingDelete.remove(key);
                applied.add(key);
            }
        }
        return new Outcome(applied, pendingKeys, destroyed, detached);
    }

    /** qemu-server allocates drives in a fixed order (ide, sata, scsi, virtio, efidisk0, tpmstate0). */
    private static List<Map.Entry<String, String>> inAllocationOrder(Map<String, String> sets) {
        // the EFI disk first and the TPM last, as the reference config in docs/domain facts numbers them
        List<String> order = List.of("efidisk", "ide", "sata", "scsi", "virtio", "tpmstate");
        List<Map.Entry<String, String>> entries = new ArrayList<>(sets.entrySet());
        entries.sort(java.util.Comparator.comparingInt((Map.Entry<String, String> e) -> {
            String key = e.getKey();
            if (!VmKeys.isDisk(key)) {
                return -1;
            }
            String prefix = key.replaceAll("\\d+$", "");
            return order.indexOf(prefix) * 100 + Integer.parseInt(key.substring(prefix.length()));
        }));
        return entries;
    }

    /** Applies pending changes, as a stop/start or an API reboot does. */
    void applyPending(SimVm vm) {
        boolean running = vm.running;
        vm.running = false;
        Map<String, String> sets = new LinkedHashMap<>(vm.pending);
        List<String> deletes = new ArrayList<>(vm.pendingDelete);
        vm.pending.clear();
        vm.pendingDelete.clear();
        for (String key : deletes) {
            String old = vm.config.remove(key);
            if (old != null && VmKeys.isDisk(key) && !isCdrom(key, old)) {
                String file = VmKeys.diskFormat(key).parse(old).get("file");
                if (file.contains(":vm-")) {
                    vm.config.put(nextIndexed(vm, "unused"), file);
                }
            }
        }
        vm.config.putAll(sets);
        vm.running = running;
    }

    private static boolean isCdrom(String key, String value) {
        Map<String, String> p = VmKeys.diskFormat(key).parse(value);
        return "cdrom".equals(p.get("media")) || "cdrom".equals(p.get("file")) || "none".equals(p.get("file"));
    }

    private static boolean hotPluggable(SimVm vm, String key) {
        String hotplug = vm.config.getOrDefault("hotplug", "network,disk,usb");
        boolean all = hotplug.equals("1");
        if (HOT.contains(key) || key.startsWith("unused")) {
            return true;
        }
        if (key.matches("net\\d+")) {
            return all || hotplug.contains("network");
        }
        if (key.matches("(scsi|virtio)\\d+")) {
            return all || hotplug.contains("disk");
        }
        if (key.matches("usb\\d+")) {
            return all || hotplug.contains("usb");
        }
        if (key.equals("memory")) {
            return all || hotplug.contains("memory");
        }
        if (key.equals("vcpus")) {
            return all || hotplug.contains("cpu");
        }
        return false;
    }

    private String normalize(SimVm vm, SimNode node, String key, String value, boolean create) {
        Param p = VmKeys.find(key);
        if (p != null && p.type() == Param.Type.BOOLEAN) {
            return Boolean.TRUE.equals(Param.parseBoolean(value)) ? "1" : "0";
        }
        if (VmKeys.isDisk(key)) {
            return disk(vm, node, key, value);
        }
        if (key.matches("net\\d+")) {
            Map<String, String> net = VmKeys.NET.parse(value);
            net.putIfAbsent("macaddr", state.newMac());
            net.put("macaddr", net.get("macaddr").toUpperCase(java.util.Locale.ROOT));
            return VmKeys.NET.print(net);
        }
        if (key.equals("boot")) {
            // a new boot order replaces the whole value (print_bootorder); a legacy one stays as given
            String order = VmKeys.BOOT.parse(value).get("order");
            return order == null ? value : "order=" + order;
        }
        // qemu-server stores every other property string as given (agent "enabled=1" stays so)
        return value;
    }

    private String disk(SimVm vm, SimNode node, String key, String value) {
        PropertyFormat f = VmKeys.diskFormat(key);
        Map<String, String> d = f.parse(value);
        Matcher m = NEW_DISK.matcher(d.get("file"));
        if (m.matches() && !"cdrom".equals(d.get("media"))) {
            String storage = m.group(1);
            if (!node.storages.contains(storage)) {
                throw new Tasks.TaskFailure("storage '" + storage + "' does not exist");
            }
            if (storage.equals("local")) {
                throw new Tasks.TaskFailure("storage 'local' does not support content-type 'images'");
            }
            d.put("file", storage + ":vm-" + vm.vmid + "-disk-" + nextDiskNumber(vm));
            long gib = (long) (Double.parseDouble(m.group(2)) * (1L << 30));
            d.remove("import-from");
            if (key.equals("efidisk0")) {
                d.put("size", "2m".equals(d.get("efitype")) ? "528K" : "1M");
            } else if (key.equals("tpmstate0")) {
                d.put("size", "4M");
            } else {
                d.put("size", Disks.formatSize(gib));
            }
        }
        return f.print(d);
    }

    private static int nextDiskNumber(SimVm vm) {
        int n = 0;
        String all = String.join("\n", vm.config.values()) + String.join("\n", vm.pending.values())
                + vm.snapshots.values().stream().map(s -> String.join("\n", s.config.values())).reduce("", String::concat);
        while (all.contains("vm-" + vm.vmid + "-disk-" + n + ",") || all.contains("vm-" + vm.vmid + "-disk-" + n + "\n")
                || all.endsWith("vm-" + vm.vmid + "-disk-" + n)) {
            n++;
        }
        return n;
    }

    private static String nextIndexed(SimVm vm, String prefix) {
        int i = 0;
        while (vm.config.containsKey(prefix + i)) {
            i++;
        }
        return prefix + i;
    }

    /**
     * qemu-server's get_default_bootdevices: the first disk, the first CD-ROM and the first NIC, in
     * its drive order (ide, scsi, virtio, sata). With none of them print_bootorder gives '' and the
     * config file gets a line "boot: ", which qemu-server's parser reads back as a single space.
     */
    private static String defaultBoot(Map<String, String> c) {
        List<String> drives = new ArrayList<>();
        for (String prefix : List.of("ide", "scsi", "virtio", "sata")) {
            c.keySet().stream().filter(k -> k.matches(prefix + "\\d+"))
                    .sorted(java.util.Comparator.comparingInt(k -> Integer.parseInt(k.substring(prefix.length()))))
                    .forEach(drives::add);
        }
        List<String> order = new ArrayList<>();
        drives.stream().filter(k -> !isCdrom(k, c.get(k))).findFirst().ifPresent(order::add);
        drives.stream().filter(k -> isCdrom(k, c.get(k))).findFirst().ifPresent(order::add);
        c.keySet().stream().filter(k -> k.matches("net\\d+")).min(java.util.Comparator.comparingInt(
                k -> Integer.parseInt(k.substring(3)))).ifPresent(order::add);
        return order.isEmpty() ? " " : "order=" + String.join(";", order);
    }

    /** What Proxmox adds on create: smbios1 uuid, vmgenid, meta, boot order, a pinned machine for Windows. */
    /** Returns the lines qemu-server prints meanwhile (the Windows machine pinning). */
    List<String> addCreateDefaults(SimVm vm, long nowSeconds) {
        List<String> log = new ArrayList<>();
        Map<String, String> c = vm.config;
        c.putIfAbsent("smbios1", "uuid=" + state.newUuid());
        String genid = c.get("vmgenid");
        if (genid == null || genid.equals("1")) {
            c.put("vmgenid", state.newUuid());
        } else if (genid.equals("0")) {
            c.remove("vmgenid");
        }
        c.put("meta", "creation-qemu=10.0.2,ctime=" + nowSeconds);
        if (!c.containsKey("boot")) {
            c.put("boot", defaultBoot(c));
        }
        if (vm.isWindows()) {
            Map<String, String> machine = VmKeys.MACHINE.parse(c.getOrDefault("machine", "pc"));
            String type = machine.getOrDefault("type", "pc");
            if (type.equals("pc") || type.equals("q35")) {
                machine.put("type", type.equals("pc") ? "pc-i440fx-10.0+pve0" : "pc-q35-10.0+pve0");
                log.add("pinning machine type to '" + machine.get("type") + "' for Windows guest OS");
            }
            c.put("machine", VmKeys.MACHINE.print(machine));
        }
        return log;
    }
}
