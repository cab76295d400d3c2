package io.rigplane.terraform.internal;

import io.rigplane.proxmox.PropertyString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code network_device} blocks: the provider numbers them net0, net1… in order, so a VM whose
 * cards leave a gap cannot be written that way.
 */
final class NetworkDevices {

    private static final Set<String> MODELS = Set.of("e1000", "e1000-82540em", "e1000-82544gc", "e1000-82545em",
            "e1000e", "i82551", "i82557b", "i82559er", "ne2k_isa", "ne2k_pci", "pcnet", "rtl8139", "virtio", "vmxnet3");
    private static final Pattern MAC = Pattern.compile("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$");

    private NetworkDevices() {
    }

    static void export(ExportContext vm) {
        int expected = 0;
        for (Map.Entry<String, String> card : vm.takeNumbered("net").entrySet()) {
            if (ExportContext.number("net", card.getKey()) != expected) {
                vm.unmapped(card.getKey(), card.getValue(), "the provider numbers network devices from net0"
                        + " without gaps; this one would become net" + expected);
                continue;
            }
            expected++;
            vm.addBlock("network_device", device(vm, card.getKey(), PropertyString.parse(card.getValue())));
        }
    }

    private static Map<String, Object> device(ExportContext vm, String key, PropertyString card) {
        Map<String, Object> device = new LinkedHashMap<>();
        String model = card.head() != null ? card.head() : card.get("model");
        String mac = card.get("macaddr");
        for (Map.Entry<String, String> option : card.options().entrySet()) {
            if (MODELS.contains(option.getKey()) && model == null) {
                model = option.getKey();
                mac = option.getValue();
            }
        }
        device.put("model", model == null ? "virtio" : model);
        if (mac != null) {
            device.put("mac_address", mac.toUpperCase(java.util.Locale.ROOT));
        }
        for (Map.Entry<String, String> option : card.options().entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            if (name.equals(model) || name.equals("model") || name.equals("macaddr")) {
                continue;
            }
            switch (name) {
                case "bridge" -> device.put("bridge", value);
                case "tag" -> putWhole(vm, key, device, "vlan_id", name, value);
                case "firewall" -> device.put("firewall", Boolean.TRUE.equals(ProxmoxValue.flag(value)));
                case "link_down" -> device.put("disconnected", Boolean.TRUE.equals(ProxmoxValue.flag(value)));
                case "mtu" -> putWhole(vm, key, device, "mtu", name, value);
                case "queues" -> putWhole(vm, key, device, "queues", name, value);
                case "rate" -> device.put("rate_limit", ProxmoxValue.decimal(value) == null ? value : ProxmoxValue.decimal(value));
                case "trunks" -> device.put("trunks", value);
                default -> vm.unmapped(key, name + "=" + value, "the provider has no attribute for this network option");
            }
        }
        if (!device.containsKey("bridge")) {
            // without a bridge Proxmox gives the VM user-mode networking; the provider's default is vmbr0
            vm.unmapped(key, "no bridge", "the provider always sets a bridge (vmbr0 unless given)");
        }
        return device;
    }

    private static void putWhole(ExportContext vm, String key, Map<String, Object> device, String attribute,
            String option, String value) {
        Long number = ProxmoxValue.whole(value);
        if (number == null) {
            vm.unmapped(key, option + "=" + value, "not a whole number");
        } else {
            device.put(attribute, number);
        }
    }

    static void read(ImportContext vm) {
        List<AttributeBlock> devices = vm.resource().blocks("network_device");
        int index = 0;
        for (AttributeBlock device : devices) {
            Boolean enabled = device.bool("enabled");
            if (Boolean.FALSE.equals(enabled)) {
                continue;
            }
            String model = device.string("model");
            model = model == null || model.isEmpty() ? "virtio" : model;
            if (!MODELS.contains(model)) {
                vm.problem(device.pathOf("model"), "must be one of " + String.join(", ", new java.util.TreeSet<>(MODELS)));
                continue;
            }
            String mac = device.string("mac_address");
            if (mac != null && !mac.isEmpty() && !MAC.matcher(mac).matches()) {
                vm.problem(device.pathOf("mac_address"), "must be a MAC address such as BC:24:11:AA:BB:CC");
                continue;
            }
            String bridge = device.string("bridge");
            ProxmoxValue value = new ProxmoxValue(mac == null || mac.isEmpty() ? model
                    : model + "=" + mac.toUpperCase(java.util.Locale.ROOT))
                    .option("bridge", bridge == null ? "vmbr0" : bridge)
                    .option("firewall", device.bool("firewall"));
            if (Boolean.TRUE.equals(device.bool("disconnected"))) {
                value.option("link_down", true);
            }
            positive(value, "tag", device.integer("vlan_id"));
            positive(value, "mtu", device.integer("mtu"));
            positive(value, "queues", device.integer("queues"));
            java.math.BigDecimal rate = device.decimal("rate_limit");
            if (rate != null && rate.signum() > 0) {
                value.option("rate", rate);
            }
            value.option("trunks", device.string("trunks"));
            vm.put("net" + index, value);
            index++;
        }
    }

    private static void positive(ProxmoxValue value, String option, @org.jspecify.annotations.Nullable Long number) {
        if (number != null && number > 0) {
            value.option(option, number);
        }
    }
}
