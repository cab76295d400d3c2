package io.rigplane.terraform.internal;

import io.rigplane.proxmox.PropertyString;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The smaller devices and settings: guest agent, display, serial ports, audio, watchdog, random
 * number generator, virtiofs shares, SMBIOS and AMD SEV.
 */
final class OtherDevices {

    private static final List<String> SMBIOS_FIELDS = List.of("family", "manufacturer", "product", "serial", "sku",
            "uuid", "version");
    private static final String ROOT_ONLY = "the provider documents it as root@pam only: it cannot be set with an API token";

    private OtherDevices() {
    }

    static void export(ExportContext vm) {
        exportAgent(vm);
        exportVga(vm);
        exportSerial(vm);
        exportAudio(vm);
        exportWatchdog(vm);
        exportRng(vm);
        exportVirtiofs(vm);
        exportSmbios(vm);
        exportAmdSev(vm);
    }

    private static void exportAgent(ExportContext vm) {
        String value = vm.take("agent");
        if (value == null) {
            return;
        }
        PropertyString parsed = PropertyString.parse(value);
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("enabled", Boolean.TRUE.equals(ProxmoxValue.flag(parsed.value("enabled"))));
        parsed.options().forEach((option, optionValue) -> {
            switch (option) {
                case "enabled" -> { }
                case "fstrim_cloned_disks" -> agent.put("trim", Boolean.TRUE.equals(ProxmoxValue.flag(optionValue)));
                case "type" -> agent.put("type", optionValue);
                default -> vm.unmapped("agent", option + "=" + optionValue,
                        "the provider has no attribute for this agent option");
            }
        });
        vm.addBlock("agent", agent);
    }

    private static void exportVga(ExportContext vm) {
        String value = vm.take("vga");
        if (value == null) {
            return;
        }
        PropertyString parsed = PropertyString.parse(value);
        Map<String, Object> vga = new LinkedHashMap<>();
        if (parsed.value("type") != null) {
            vga.put("type", parsed.value("type"));
        }
        parsed.options().forEach((option, optionValue) -> {
            switch (option) {
                case "type" -> { }
                case "memory" -> vga.put("memory", ProxmoxValue.whole(optionValue) == null ? optionValue
                        : ProxmoxValue.whole(optionValue));
                case "clipboard" -> vga.put("clipboard", optionValue);
                default -> vm.unmapped("vga", option + "=" + optionValue, "the provider has no attribute for this display option");
            }
        });
        vm.addBlock("vga", vga);
    }

    private static void exportSerial(ExportContext vm) {
        int expected = 0;
        for (Map.Entry<String, String> port : vm.takeNumbered("serial").entrySet()) {
            if (ExportContext.number("serial", port.getKey()) != expected) {
                vm.unmapped(port.getKey(), port.getValue(), "the provider numbers serial ports from serial0 without gaps");
                continue;
            }
            expected++;
            vm.addBlock("serial_device", GeneralSettings.block("device", port.getValue()));
        }
    }

    private static void exportAudio(ExportContext vm) {
        String value = vm.take("audio0");
        if (value == null) {
            return;
        }
        PropertyString parsed = PropertyString.parse(value);
        Map<String, Object> audio = new LinkedHashMap<>();
        audio.put("device", parsed.value("device"));
        if (parsed.get("driver") != null) {
            audio.put("driver", parsed.get("driver"));
        }
        parsed.options().keySet().stream().filter(option -> !List.of("device", "driver").contains(option))
                .forEach(option -> vm.unmapped("audio0", option + "=" + parsed.get(option),
                        "the provider has no attribute for this audio option"));
        vm.addBlock("audio_device", audio);
    }

    private static void exportWatchdog(ExportContext vm) {
        String value = vm.take("watchdog");
        if (value == null) {
            return;
        }
        PropertyString parsed = PropertyString.parse(value);
        Map<String, Object> watchdog = new LinkedHashMap<>();
        watchdog.put("enabled", true);
        if (parsed.value("model") != null) {
            watchdog.put("model", parsed.value("model"));
        }
        if (parsed.get("action") != null) {
            watchdog.put("action", parsed.get("action"));
        }
        vm.addBlock("watchdog", watchdog);
    }

    private static void exportRng(ExportContext vm) {
        String value = vm.take("rng0");
        if (value == null) {
            return;
        }
        PropertyString parsed = PropertyString.parse(value);
        Map<String, Object> rng = new LinkedHashMap<>();
        rng.put("source", parsed.value("source"));
        Long maxBytes = ProxmoxValue.whole(parsed.get("max_bytes"));
        if (maxBytes != null) {
            rng.put("max_bytes", maxBytes);
        }
        Long period = ProxmoxValue.whole(parsed.get("period"));
        if (period != null) {
            rng.put("period", period);
        }
        vm.addBlock("rng", rng);
    }

    private static void exportVirtiofs(ExportContext vm) {
        int expected = 0;
        for (Map.Entry<String, String> share : vm.takeNumbered("virtiofs").entrySet()) {
            if (ExportContext.number("virtiofs", share.getKey()) != expected) {
                vm.unmapped(share.getKey(), share.getValue(), "the provider numbers virtiofs shares from virtiofs0 without gaps");
                continue;
            }
            expected++;
            PropertyString parsed = PropertyString.parse(share.getValue());
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("mapping", parsed.value("dirid"));
            parsed.options().forEach((option, optionValue) -> {
                switch (option) {
                    case "dirid" -> { }
                    case "cache" -> block.put("cache", optionValue);
                    case "direct-io" -> block.put("direct_io", Boolean.TRUE.equals(ProxmoxValue.flag(optionValue)));
                    case "expose-acl" -> block.put("expose_acl", Boolean.TRUE.equals(ProxmoxValue.flag(optionValue)));
                    case "expose-xattr" -> block.put("expose_xattr", Boolean.TRUE.equals(ProxmoxValue.flag(optionValue)));
                    default -> vm.unmapped(share.getKey(), option + "=" + optionValue,
                            "the provider has no attribute for this virtiofs option");
                }
            });
            vm.addBlock("virtiofs", block);
        }
    }

    private static void exportSmbios(ExportContext vm) {
        String value = vm.take("smbios1");
        if (value == null) {
            return;
        }
        PropertyString parsed = PropertyString.parse(value);
        boolean base64 = Boolean.TRUE.equals(ProxmoxValue.flag(parsed.get("base64")));
        Map<String, Object> smbios = new LinkedHashMap<>();
        parsed.options().forEach((option, optionValue) -> {
            if (option.equals("base64")) {
                return;
            }
            if (SMBIOS_FIELDS.contains(option)) {
                smbios.put(option, base64 && !option.equals("uuid") ? decode(optionValue) : optionValue);
            } else {
                vm.unmapped("smbios1", option + "=" + optionValue, "the provider has no attribute for this SMBIOS field");
            }
        });
        vm.addBlock("smbios", smbios);
    }

    private static void exportAmdSev(ExportContext vm) {
        String value = vm.take("amd-sev");
        if (value == null) {
            return;
        }
        PropertyString parsed = PropertyString.parse(value);
        Map<String, Object> sev = new LinkedHashMap<>();
        sev.put("type", parsed.value("type"));
        parsed.options().forEach((option, optionValue) -> {
            String attribute = switch (option) {
                case "allow-smt" -> "allow_smt";
                case "kernel-hashes" -> "kernel_hashes";
                case "no-debug" -> "no_debug";
                case "no-key-sharing" -> "no_key_sharing";
                default -> null;
            };
            if (attribute != null) {
                sev.put(attribute, Boolean.TRUE.equals(ProxmoxValue.flag(optionValue)));
            } else if (!option.equals("type")) {
                vm.unmapped("amd-sev", option + "=" + optionValue, "the provider has no attribute for this SEV option");
            }
        });
        vm.addBlock("amd_sev", sev);
    }

    private static String decode(String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    static void read(ImportContext vm) {
        AttributeBlock resource = vm.resource();
        AttributeBlock agent = resource.block("agent");
        if (agent != null) {
            agent.known("timeout", "wait_for_ip");
            Boolean enabled = agent.bool("enabled");
            vm.put("agent", new ProxmoxValue(ProxmoxValue.text(Boolean.TRUE.equals(enabled)))
                    .option("fstrim_cloned_disks", agent.bool("trim")).option("type", agent.string("type")));
        }
        AttributeBlock vga = resource.block("vga");
        if (vga != null) {
            vm.put("vga", new ProxmoxValue(vga.string("type")).option("memory", vga.integer("memory"))
                    .option("clipboard", vga.string("clipboard")));
        }
        List<AttributeBlock> serials = resource.blocks("serial_device");
        for (int i = 0; i < serials.size(); i++) {
            String device = serials.get(i).string("device");
            vm.put("serial" + i, device == null || device.isEmpty() ? "socket" : device);
        }
        AttributeBlock audio = resource.block("audio_device");
        if (audio != null && !Boolean.FALSE.equals(audio.bool("enabled"))) {
            String device = audio.string("device");
            String driver = audio.string("driver");
            vm.put("audio0", new ProxmoxValue(null).option("device", device == null ? "intel-hda" : device)
                    .option("driver", driver == null ? "spice" : driver));
        }
        AttributeBlock watchdog = resource.block("watchdog");
        if (watchdog != null && Boolean.TRUE.equals(watchdog.bool("enabled"))) {
            vm.put("watchdog", new ProxmoxValue(null).option("model", watchdog.string("model"))
                    .option("action", watchdog.string("action")));
        } else if (watchdog != null) {
            watchdog.known("model", "action");
        }
        AttributeBlock rng = resource.block("rng");
        if (rng != null) {
            vm.put("rng0", new ProxmoxValue(null).option("source", rng.string("source"))
                    .option("max_bytes", rng.integer("max_bytes")).option("period", rng.integer("period")));
            vm.problem(rng.path(), ROOT_ONLY);
        }
        List<AttributeBlock> shares = resource.blocks("virtiofs");
        for (int i = 0; i < shares.size(); i++) {
            AttributeBlock share = shares.get(i);
            vm.put("virtiofs" + i, new ProxmoxValue(null).option("dirid", share.string("mapping"))
                    .option("cache", share.string("cache")).option("direct-io", share.bool("direct_io"))
                    .option("expose-acl", share.bool("expose_acl")).option("expose-xattr", share.bool("expose_xattr")));
        }
        readSmbios(vm, resource.block("smbios"));
        AttributeBlock sev = resource.block("amd_sev");
        if (sev != null) {
            vm.put("amd-sev", new ProxmoxValue(null).option("type", sev.string("type"))
                    .option("allow-smt", sev.bool("allow_smt")).option("kernel-hashes", sev.bool("kernel_hashes"))
                    .option("no-debug", sev.bool("no_debug")).option("no-key-sharing", sev.bool("no_key_sharing")));
            vm.problem(sev.path(), ROOT_ONLY);
        }
    }

    private static void readSmbios(ImportContext vm, @Nullable AttributeBlock smbios) {
        if (smbios == null) {
            return;
        }
        ProxmoxValue value = new ProxmoxValue(null);
        boolean encoded = false;
        for (String field : SMBIOS_FIELDS) {
            String text = smbios.string(field);
            if (text == null || text.isEmpty()) {
                continue;
            }
            if (field.equals("uuid")) {
                value.option(field, text);
            } else {
                value.option(field, Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
                encoded = true;
            }
        }
        if (encoded) {
            value.option("base64", true);
        }
        vm.put("smbios1", value);
    }
}
