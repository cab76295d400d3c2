package io.rigplane.terraform.internal;

import io.rigplane.proxmox.PropertyString;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The VM-wide settings that are one Proxmox key each: name, description, tags, firmware and
 * machine, OS type, SCSI controller, start at boot, boot order, startup order and the like.
 */
final class GeneralSettings {

    /** Proxmox key to bpg attribute, for the plain string keys. */
    private static final Map<String, String> STRINGS = Map.of(
            "description", "description",
            "machine", "machine",
            "bios", "bios",
            "keyboard", "keyboard_layout",
            "hotplug", "hotplug",
            "args", "kvm_arguments",
            "hookscript", "hook_script_file_id");

    /** Proxmox key to bpg attribute, for the keys that are 0 or 1. */
    private static final Map<String, String> FLAGS = Map.of(
            "protection", "protection",
            "acpi", "acpi",
            "tablet", "tablet_device",
            "template", "template");

    private GeneralSettings() {
    }

    static void export(ExportContext vm) {
        String name = vm.take("name");
        if (name != null) {
            vm.put("name", name);
        }
        String description = vm.take("description");
        if (description != null) {
            vm.put("description", description);
        }
        String tags = vm.take("tags");
        if (tags != null) {
            vm.put("tags", tags(tags));
        }
        // the provider starts VMs at boot unless told otherwise; Proxmox does not
        Boolean onBoot = ProxmoxValue.flag(vm.peek("onboot"));
        if (vm.peek("onboot") == null || onBoot != null) {
            vm.take("onboot");
            vm.put("on_boot", onBoot != null && onBoot);
        }
        for (String key : List.of("machine", "bios", "keyboard", "hotplug", "args", "hookscript")) {
            String value = vm.take(key);
            if (value != null) {
                vm.put(STRINGS.get(key), value);
            }
        }
        for (String key : List.of("protection", "acpi", "tablet", "template")) {
            flag(vm, key, FLAGS.get(key));
        }
        String osType = vm.take("ostype");
        if (osType != null) {
            vm.addBlock("operating_system", block("type", osType));
        }
        // the provider's SCSI controller is VirtIO SCSI; Proxmox's is LSI
        String scsiHardware = vm.take("scsihw");
        vm.put("scsi_hardware", scsiHardware == null ? "lsi" : scsiHardware);
        exportBoot(vm);
        exportStartup(vm);
    }

    private static void flag(ExportContext vm, String key, String attribute) {
        String value = vm.peek(key);
        if (value == null) {
            return;
        }
        Boolean flag = ProxmoxValue.flag(value);
        if (flag == null) {
            return;
        }
        vm.take(key);
        vm.put(attribute, flag);
    }

    /** Tags as the provider keeps them: sorted, as Proxmox sorts them. */
    static List<String> tags(String value) {
        return List.copyOf(new TreeSet<>(Arrays.stream(value.split("[;, ]")).map(String::trim)
                .filter(tag -> !tag.isEmpty()).toList()));
    }

    private static void exportBoot(ExportContext vm) {
        String boot = vm.peek("boot");
        if (boot == null) {
            return;
        }
        PropertyString parsed = PropertyString.parse(boot);
        if (parsed.head() == null && parsed.options().keySet().equals(java.util.Set.of("order"))) {
            vm.take("boot");
            vm.put("boot_order", List.of(parsed.get("order").split(";")));
        }
    }

    private static void exportStartup(ExportContext vm) {
        String startup = vm.peek("startup");
        if (startup == null) {
            return;
        }
        PropertyString parsed = PropertyString.parse(startup);
        Long order = ProxmoxValue.whole(parsed.value("order"));
        Long up = ProxmoxValue.whole(parsed.get("up"));
        Long down = ProxmoxValue.whole(parsed.get("down"));
        boolean onlyKnown = parsed.options().keySet().stream().allMatch(key -> List.of("order", "up", "down").contains(key));
        if (!onlyKnown || parsed.head() != null && order == null) {
            return;
        }
        vm.take("startup");
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("order", order == null ? -1L : order);
        block.put("up_delay", up == null ? -1L : up);
        block.put("down_delay", down == null ? -1L : down);
        vm.addBlock("startup", block);
    }

    static Map<String, Object> block(String attribute, Object value) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put(attribute, value);
        return block;
    }

    static void read(ImportContext vm) {
        AttributeBlock resource = vm.resource();
        vm.put("name", resource.string("name"));
        vm.put("description", resource.string("description"));
        List<String> tags = resource.strings("tags");
        if (!tags.isEmpty()) {
            vm.put("tags", String.join(";", new TreeSet<>(tags)));
        }
        Boolean onBoot = resource.bool("on_boot");
        if (onBoot == null || onBoot) {
            vm.put("onboot", "1");
        }
        STRINGS.forEach((key, attribute) -> vm.put(key, resource.string(attribute)));
        Boolean protection = resource.bool("protection");
        vm.put("protection", protection);
        vm.put("acpi", resource.bool("acpi"));
        vm.put("tablet", resource.bool("tablet_device"));
        if (Boolean.TRUE.equals(resource.bool("template"))) {
            vm.problem("template", "a template is not a VM Rigplane runs; import the VMs cloned from it instead");
        }
        if (vm.has("args")) {
            vm.problem("kvm_arguments", "root-only in Proxmox: it cannot be set with an API token");
        }
        AttributeBlock os = resource.block("operating_system");
        if (os != null) {
            vm.put("ostype", os.string("type"));
        }
        String scsiHardware = resource.string("scsi_hardware");
        if (scsiHardware == null) {
            vm.put("scsihw", "virtio-scsi-pci");
        } else if (!scsiHardware.equals("lsi")) {
            vm.put("scsihw", scsiHardware);
        }
        List<String> bootOrder = resource.strings("boot_order");
        if (!bootOrder.isEmpty()) {
            vm.put("boot", "order=" + String.join(";", bootOrder));
        }
        readStartup(vm, resource.block("startup"));
    }

    private static void readStartup(ImportContext vm, @Nullable AttributeBlock startup) {
        if (startup == null) {
            return;
        }
        StringBuilder value = new StringBuilder();
        append(value, "order", startup.integer("order"));
        append(value, "up", startup.integer("up_delay"));
        append(value, "down", startup.integer("down_delay"));
        vm.put("startup", value.toString());
    }

    /** Startup values below zero are the provider's way of leaving one out. */
    private static void append(StringBuilder value, String name, @Nullable Long number) {
        if (number != null && number >= 0) {
            value.append(value.isEmpty() ? "" : ",").append(name).append('=').append(number);
        }
    }
}
