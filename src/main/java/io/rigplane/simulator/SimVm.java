package io.rigplane.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A QEMU VM: its stored configuration (with the [PENDING] section), run state, snapshots and guest. */
final class SimVm {
    final int vmid;
    String node;
    final Map<String, String> config = new LinkedHashMap<>();
    final Map<String, String> pending = new LinkedHashMap<>();
    final Set<String> pendingDelete = new LinkedHashSet<>();
    final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    boolean running;
    long startedAtMillis;
    int pid;
    /** The running QEMU's machine, fixed at start like the real process. */
    String runningMachine;
    /** The PCI device paths the running VM took at its start. */
    java.util.List<String> pciInUse = java.util.List.of();
    final Guest guest;

    SimVm(int vmid, String node, Guest guest) {
        this.vmid = vmid;
        this.node = node;
        this.guest = guest;
    }

    String lock() {
        return config.get("lock");
    }

    String parent() {
        return config.get("parent");
    }

    /** The configuration a GET shows: pending values applied unless {@code current}. */
    Map<String, String> view(boolean current) {
        Map<String, String> out = new LinkedHashMap<>(config);
        if (!current) {
            out.putAll(pending);
            pendingDelete.forEach(out::remove);
        }
        return out;
    }

    boolean hasPending() {
        return !pending.isEmpty() || !pendingDelete.isEmpty();
    }

    /** SHA-1 of the stored file, like qemu-server's digest of /etc/pve/qemu-server/VMID.conf. */
    String digest() {
        StringBuilder file = new StringBuilder();
        new TreeMap<>(config).forEach((k, v) -> file.append(k).append(": ").append(v).append('\n'));
        if (hasPending()) {
            file.append("\n[PENDING]\n");
            if (!pendingDelete.isEmpty()) {
                file.append("delete: ").append(String.join(",", pendingDelete)).append('\n');
            }
            new TreeMap<>(pending).forEach((k, v) -> file.append(k).append(": ").append(v).append('\n'));
        }
        snapshots.values().forEach(s -> {
            file.append("\n[").append(s.name).append("]\n");
            new TreeMap<>(s.config).forEach((k, v) -> file.append(k).append(": ").append(v).append('\n'));
            if (s.snapstate != null) {
                file.append("snapstate: ").append(s.snapstate).append('\n');
            }
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(file.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return view(false).getOrDefault("name", "VM " + vmid);
    }

    long memoryMiB() {
        String mem = config.getOrDefault("memory", "512");
        return Long.parseLong(VmKeys.MEMORY.parse(mem).getOrDefault("current", "512"));
    }

    int cpus() {
        int sockets = Integer.parseInt(config.getOrDefault("sockets", "1"));
        int cores = Integer.parseInt(config.getOrDefault("cores", "1"));
        return Integer.parseInt(config.getOrDefault("vcpus", String.valueOf(sockets * cores)));
    }

    boolean agentEnabled() {
        String agent = config.get("agent");
        if (agent == null) {
            return false;
        }
        Boolean b = Param.parseBoolean(VmKeys.AGENT.parse(agent).getOrDefault("enabled", "0"));
        return Boolean.TRUE.equals(b);
    }

    boolean isWindows() {
        return VmKeys.WINDOWS.contains(config.getOrDefault("ostype", "other"));
    }

    long diskBytes() {
        long total = 0;
        for (Map.Entry<String, String> e : config.entrySet()) {
            if (VmKeys.isDisk(e.getKey())) {
                String size = VmKeys.diskFormat(e.getKey()).parse(e.getValue()).get("size");
                if (size != null) {
                    total += Disks.parseSize(size);
                }
            }
        }
        return total;
    }
}
