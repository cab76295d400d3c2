package io.rigplane.terraform.internal;

import io.rigplane.proxmox.PropertyString;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Devices of the host handed to the VM: {@code hostpci} and {@code usb}. Only mapped devices can
 * be set with an API token; raw host ids are root-only in Proxmox.
 */
final class PassThrough {

    private static final String RAW_ROOT_ONLY = "a raw host device is root-only in Proxmox: create a cluster"
            + " resource mapping for it and use mapping instead";

    private PassThrough() {
    }

    static void export(ExportContext vm) {
        vm.takeNumbered("hostpci").forEach((key, value) -> {
            PropertyString parsed = PropertyString.parse(value);
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("device", key);
            String host = parsed.value("host");
            if (host != null) {
                device.put("id", host);
            }
            parsed.options().forEach((option, optionValue) -> {
                switch (option) {
                    case "host" -> { }
                    case "mapping" -> device.put("mapping", optionValue);
                    case "mdev" -> device.put("mdev", optionValue);
                    case "pcie" -> device.put("pcie", Boolean.TRUE.equals(ProxmoxValue.flag(optionValue)));
                    case "rombar" -> device.put("rombar", Boolean.TRUE.equals(ProxmoxValue.flag(optionValue)));
                    case "romfile" -> device.put("rom_file", optionValue);
                    case "x-vga" -> device.put("xvga", Boolean.TRUE.equals(ProxmoxValue.flag(optionValue)));
                    default -> vm.unmapped(key, option + "=" + optionValue,
                            "the provider has no attribute for this PCI option");
                }
            });
            vm.addBlock("hostpci", device);
        });
        vm.takeNumbered("usb").forEach((key, value) -> {
            PropertyString parsed = PropertyString.parse(value);
            Map<String, Object> device = new LinkedHashMap<>();
            String host = parsed.value("host");
            if (host != null) {
                device.put("host", host);
            }
            parsed.options().forEach((option, optionValue) -> {
                switch (option) {
                    case "host" -> { }
                    case "mapping" -> device.put("mapping", optionValue);
                    case "usb3" -> device.put("usb3", Boolean.TRUE.equals(ProxmoxValue.flag(optionValue)));
                    default -> vm.unmapped(key, option + "=" + optionValue,
                            "the provider has no attribute for this USB option");
                }
            });
            vm.addBlock("usb", device);
        });
    }

    static void read(ImportContext vm) {
        for (AttributeBlock device : vm.resource().blocks("hostpci")) {
            String slot = device.string("device");
            if (slot == null || !slot.matches("^hostpci([0-9]|1[0-5])$")) {
                vm.problem(device.pathOf("device"), "must be hostpci0 to hostpci15");
                continue;
            }
            String id = device.string("id");
            String mapping = device.string("mapping");
            boolean raw = id != null && !id.isEmpty();
            if (raw) {
                vm.problem(device.pathOf("id"), RAW_ROOT_ONLY);
            } else if (mapping == null || mapping.isEmpty()) {
                vm.problem(device.pathOf("mapping"), "set either mapping or id");
            }
            String romFile = device.string("rom_file");
            if (romFile != null && !romFile.isEmpty()) {
                vm.problem(device.pathOf("rom_file"), "root-only in Proxmox: it cannot be set with an API token");
            }
            vm.put(slot, new ProxmoxValue(raw ? id : null).option("mapping", raw ? null : mapping)
                    .option("mdev", device.string("mdev")).option("pcie", device.bool("pcie"))
                    .option("rombar", device.bool("rombar")).option("romfile", romFile)
                    .option("x-vga", device.bool("xvga")));
        }
        int index = 0;
        for (AttributeBlock device : vm.resource().blocks("usb")) {
            String host = device.string("host");
            String mapping = device.string("mapping");
            boolean hasHost = host != null && !host.isEmpty();
            if (hasHost && !host.equals("spice")) {
                vm.problem(device.pathOf("host"), RAW_ROOT_ONLY);
            } else if (!hasHost && (mapping == null || mapping.isEmpty())) {
                vm.problem(device.pathOf("mapping"), "set either mapping or host");
            }
            vm.put("usb" + index, new ProxmoxValue(null).option("host", hasHost ? host : null)
                    .option("mapping", hasHost ? null : mapping).option("usb3", device.bool("usb3")));
            index++;
        }
    }
}
