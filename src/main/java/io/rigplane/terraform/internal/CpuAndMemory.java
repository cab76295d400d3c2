package io.rigplane.terraform.internal;

import io.rigplane.proxmox.PropertyString;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code cpu}, {@code memory} and {@code numa} blocks: cores, CPU type and flags, memory, ballooning. */
final class CpuAndMemory {

    private static final List<String> CPU_OPTIONS = List.of("cputype", "flags");
    private static final String ROOT_ONLY = "the provider documents it as root@pam only: it cannot be set with an API token";

    private CpuAndMemory() {
    }

    static void export(ExportContext vm, @Nullable Integer vmid) {
        Map<String, Object> cpu = new LinkedHashMap<>();
        putWhole(vm, "cores", cpu, "cores");
        putWhole(vm, "sockets", cpu, "sockets");
        Boolean numa = ProxmoxValue.flag(vm.peek("numa"));
        if (numa != null) {
            vm.take("numa");
            cpu.put("numa", numa);
        }
        String cpuValue = vm.take("cpu");
        if (cpuValue != null) {
            PropertyString parsed = PropertyString.parse(cpuValue);
            String type = parsed.value("cputype");
            if (type != null) {
                cpu.put("type", type);
            }
            String flags = parsed.get("flags");
            if (flags != null && !flags.isEmpty()) {
                cpu.put("flags", List.of(flags.split(";")));
            }
            parsed.options().forEach((option, value) -> {
                if (!CPU_OPTIONS.contains(option)) {
                    vm.unmapped("cpu", option + "=" + value, "the provider has no attribute for this cpu option;"
                            + " Terraform keeps it only until it changes the cpu block");
                }
            });
        }
        putWhole(vm, "vcpus", cpu, "hotplugged");
        BigDecimal limit = ProxmoxValue.decimal(vm.peek("cpulimit"));
        if (limit != null) {
            vm.take("cpulimit");
            cpu.put("limit", limit);
        }
        putWhole(vm, "cpuunits", cpu, "units");
        putString(vm, "affinity", cpu, "affinity");
        putString(vm, "arch", cpu, "architecture");
        if (!cpu.isEmpty()) {
            vm.addBlock("cpu", cpu);
        }
        exportMemory(vm, vmid);
        exportNuma(vm);
    }

    private static void exportMemory(ExportContext vm, @Nullable Integer vmid) {
        Map<String, Object> memory = new LinkedHashMap<>();
        String memoryValue = vm.peek("memory");
        Long dedicated = memoryValue == null ? null
                : ProxmoxValue.whole(PropertyString.parse(memoryValue).value("current"));
        if (dedicated != null) {
            vm.take("memory");
            memory.put("dedicated", dedicated);
        }
        // without a balloon key Proxmox balloons up to all the memory; the provider's default turns it off
        Long balloon = ProxmoxValue.whole(vm.peek("balloon"));
        if (balloon != null) {
            vm.take("balloon");
            memory.put("floating", balloon);
        } else if (vm.peek("balloon") == null) {
            memory.put("floating", dedicated == null ? 512L : dedicated);
        }
        String ivshmem = vm.peek("ivshmem");
        if (ivshmem != null) {
            PropertyString parsed = PropertyString.parse(ivshmem);
            Long size = ProxmoxValue.whole(parsed.value("size"));
            if (size != null) {
                vm.take("ivshmem");
                memory.put("shared", size);
                String name = parsed.get("name");
                if (name != null && !name.equals("vm-" + vmid + "-ivshmem")) {
                    vm.unmapped("ivshmem", "name=" + name, "the provider always names the shared memory vm-<vmid>-ivshmem");
                }
            }
        }
        putString(vm, "hugepages", memory, "hugepages");
        Boolean keep = ProxmoxValue.flag(vm.peek("keephugepages"));
        if (keep != null) {
            vm.take("keephugepages");
            memory.put("keep_hugepages", keep);
        }
        vm.addBlock("memory", memory);
    }

    private static void exportNuma(ExportContext vm) {
        vm.takeNumbered("numa").forEach((key, value) -> {
            PropertyString parsed = PropertyString.parse(value);
            Map<String, Object> numa = new LinkedHashMap<>();
            numa.put("device", key);
            numa.put("cpus", parsed.value("cpus"));
            Long memory = ProxmoxValue.whole(parsed.get("memory"));
            if (memory != null) {
                numa.put("memory", memory);
            }
            if (parsed.get("hostnodes") != null) {
                numa.put("hostnodes", parsed.get("hostnodes"));
            }
            if (parsed.get("policy") != null) {
                numa.put("policy", parsed.get("policy"));
            }
            vm.addBlock("numa", numa);
        });
    }

    private static void putWhole(ExportContext vm, String key, Map<String, Object> block, String attribute) {
        Long value = ProxmoxValue.whole(vm.peek(key));
        if (value != null) {
            vm.take(key);
            block.put(attribute, value);
        }
    }

    private static void putString(ExportContext vm, String key, Map<String, Object> block, String attribute) {
        String value = vm.take(key);
        if (value != null) {
            block.put(attribute, value);
        }
    }

    static void read(ImportContext vm, @Nullable Long vmid) {
        AttributeBlock cpu = vm.resource().block("cpu");
        Long cores = cpu == null ? null : cpu.integer("cores");
        vm.put("cores", cores == null ? 1L : cores);
        if (cpu != null) {
            vm.put("sockets", cpu.integer("sockets"));
            vm.put("numa", cpu.bool("numa"));
            String type = cpu.string("type");
            List<String> flags = cpu.strings("flags");
            if (type != null || !flags.isEmpty()) {
                vm.put("cpu", new ProxmoxValue(type == null ? "qemu64" : type)
                        .option("flags", flags.isEmpty() ? null : String.join(";", flags)));
            }
            positive(vm, "vcpus", cpu.integer("hotplugged"));
            BigDecimal limit = cpu.decimal("limit");
            if (limit != null && limit.signum() > 0) {
                vm.put("cpulimit", limit);
            }
            positive(vm, "cpuunits", cpu.integer("units"));
            String affinity = cpu.string("affinity");
            if (affinity != null && !affinity.isEmpty()) {
                vm.put("affinity", affinity);
                vm.problem(cpu.pathOf("affinity"), ROOT_ONLY);
            }
            String architecture = cpu.string("architecture");
            if (architecture != null && !architecture.isEmpty()) {
                vm.put("arch", architecture);
                vm.problem(cpu.pathOf("architecture"), "root-only in Proxmox: it cannot be set with an API token");
            }
        }
        readMemory(vm, vmid);
        readNuma(vm);
    }

    private static void readMemory(ImportContext vm, @Nullable Long vmid) {
        AttributeBlock memory = vm.resource().block("memory");
        Long dedicated = memory == null ? null : memory.integer("dedicated");
        long memoryMiB = dedicated == null ? 512L : dedicated;
        vm.put("memory", memoryMiB);
        Long floating = memory == null ? null : memory.integer("floating");
        long balloon = floating == null ? 0L : floating;
        if (balloon != memoryMiB) {
            vm.put("balloon", balloon);
        }
        if (memory == null) {
            return;
        }
        Long shared = memory.integer("shared");
        if (shared != null && shared > 0) {
            vm.put("ivshmem", new ProxmoxValue(null).option("size", shared)
                    .option("name", vmid == null ? null : "vm-" + vmid + "-ivshmem"));
        }
        String hugepages = memory.string("hugepages");
        if (hugepages != null && !hugepages.isEmpty()) {
            vm.put("hugepages", hugepages);
            vm.problem(memory.pathOf("hugepages"), ROOT_ONLY);
        }
        if (Boolean.TRUE.equals(memory.bool("keep_hugepages"))) {
            vm.put("keephugepages", "1");
            vm.problem(memory.pathOf("keep_hugepages"), ROOT_ONLY);
        }
    }

    private static void readNuma(ImportContext vm) {
        for (AttributeBlock numa : vm.resource().blocks("numa")) {
            String device = numa.string("device");
            if (device == null || !device.matches("^numa[0-7]$")) {
                vm.problem(numa.pathOf("device"), "must be numa0 to numa7");
                continue;
            }
            vm.put(device, new ProxmoxValue(null).option("cpus", numa.string("cpus"))
                    .option("hostnodes", numa.string("hostnodes")).option("memory", numa.integer("memory"))
                    .option("policy", numa.string("policy")));
        }
    }

    private static void positive(ImportContext vm, String key, @Nullable Long value) {
        if (value != null && value > 0) {
            vm.put(key, value);
        }
    }

    static List<String> flags(String value) {
        return Arrays.asList(value.split(";"));
    }
}
