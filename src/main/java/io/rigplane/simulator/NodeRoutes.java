package io.rigplane.simulator;

import static io.rigplane.simulator.Param.bool;
import static io.rigplane.simulator.Param.integer;
import static io.rigplane.simulator.Param.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** /nodes, node status and config, Wake-on-LAN and the PCI hardware list. */
final class NodeRoutes {
    private final SimContext ctx;
    private final PowerRoutes power;

    NodeRoutes(SimContext ctx, PowerRoutes power) {
        this.ctx = ctx;
        this.power = power;
    }

    List<Route> routes() {
        Param node = CommonParams.NODE;
        return List.of(
                new Route("GET", "/nodes", List.of(), r -> nodes()),
                new Route("GET", "/nodes/{node}", List.of(node), r -> List.of("qemu", "status", "config", "tasks",
                        "hardware", "wakeonlan", "version").stream().map(n -> Map.of("name", n)).toList()),
                new Route("GET", "/nodes/{node}/status", List.of(node), this::status),
                new Route("POST", "/nodes/{node}/status", List.of(node, str("command").required().oneOf("reboot", "shutdown")),
                        this::nodeCommand),
                new Route("GET", "/nodes/{node}/config", List.of(node, str("property").oneOf("acme", "acmedomain0",
                        "acmedomain1", "acmedomain2", "acmedomain3", "acmedomain4", "acmedomain5", "ballooning-target",
                        "description", "startall-onboot-delay", "wakeonlan")), this::config),
                new Route("PUT", "/nodes/{node}/config", List.of(node, str("acme"), str("acmedomain[6]"),
                        integer("ballooning-target").range(0L, 100L), str("delete"), str("description").maxLength(65536),
                        CommonParams.DIGEST, integer("startall-onboot-delay").range(0L, 300L),
                        str("wakeonlan").pattern("(mac=)?" + VmKeys.MAC + "(,.*)?")), this::updateConfig),
                new Route("POST", "/nodes/{node}/wakeonlan", List.of(node), this::wakeOnLan),
                new Route("GET", "/nodes/{node}/hardware/pci", List.of(node, str("pci-class-blacklist"), bool("verbose")),
                        this::pci));
    }

    static Map<String, Object> nodeEntry(SimNode n, String fingerprint) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", "node/" + n.name);
        e.put("type", "node");
        e.put("node", n.name);
        e.put("status", n.online ? "online" : "offline");
        e.put("ssl_fingerprint", fingerprint);
        if (n.online) {
            e.put("level", "");
            e.put("cpu", 0.0125);
            e.put("maxcpu", n.cores);
            e.put("mem", n.memoryBytes / 8);
            e.put("maxmem", n.memoryBytes);
            e.put("disk", 3_221_225_472L);
            e.put("maxdisk", 100L << 30);
            e.put("uptime", (System.currentTimeMillis() - n.bootedAtMillis) / 1000);
        }
        return e;
    }

    private Object nodes() {
        synchronized (ctx.state) {
            List<Map<String, Object>> out = new ArrayList<>();
            ctx.state.nodes.values().forEach(n -> {
                out.add(nodeEntry(n, ctx.fingerprint));
            });
            return out;
        }
    }

    private Object status(ApiRequest r) {
        synchronized (ctx.state) {
            SimNode n = ctx.state.node(r.node());
            long used = n.memoryBytes / 8;
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("uptime", (System.currentTimeMillis() - n.bootedAtMillis) / 1000);
            s.put("cpu", 0.0125);
            s.put("wait", 0.0003);
            s.put("idle", 0);
            s.put("loadavg", List.of("0.21", "0.18", "0.12"));
            s.put("memory", Map.of("total", n.memoryBytes, "used", used, "free", n.memoryBytes - used, "available", n.memoryBytes - used));
            s.put("swap", Map.of("total", 0, "used", 0, "free", 0));
            s.put("rootfs", Map.of("total", 100L << 30, "used", 3_221_225_472L, "free", (100L << 30) - 3_221_225_472L,
                    "avail", (100L << 30) - 3_221_225_472L));
            s.put("ksm", Map.of("shared", 0));
            s.put("cpuinfo", Map.of("model", "Intel(R) Core(TM) i9-9900K CPU @ 3.60GHz", "cpus", n.cores, "cores", n.cores / 2,
                    "sockets", 1, "mhz", "3600.000", "hvm", "1", "user_hz", 100, "flags", "fpu vme de pse tsc msr pae mce vmx"));
            s.put("kversion", "Linux 6.14.11-4-pve #1 SMP PREEMPT_DYNAMIC PMX 6.14.11-4 (2025-10-10T08:04Z)");
            s.put("current-kernel", Map.of("sysname", "Linux", "release", "6.14.11-4-pve",
                    "version", "#1 SMP PREEMPT_DYNAMIC PMX 6.14.11-4 (2025-10-10T08:04Z)", "machine", "x86_64"));
            s.put("boot-info", Map.of("mode", "efi", "secureboot", 0));
            s.put("pveversion", "pve-manager/9.1.2/3f1c2a9e0b7d4c15");
            return s;
        }
    }

    /** Shutting a node down takes it and its VMs offline; a reboot brings it back after the boot delay. */
    private Object nodeCommand(ApiRequest r) {
        synchronized (ctx.state) {
            SimNode n = ctx.state.node(r.node());
            for (SimVm vm : ctx.state.vms.values()) {
                if (vm.node.equals(n.name) && vm.running) {
                    power.markStopped(vm);
                }
            }
            n.online = false;
            if (r.get("command").equals("reboot")) {
                scheduleBoot(n);
            }
            return null;
        }
    }

    private Object config(ApiRequest r) {
        synchronized (ctx.state) {
            SimNode n = ctx.state.node(r.node());
            Map<String, Object> c = new LinkedHashMap<>();
            if (n.wakeOnLanMac != null) {
                c.put("wakeonlan", n.wakeOnLanMac);
            }
            if (n.description != null) {
                c.put("description", n.description);
            }
            c.put("digest", Integer.toHexString((n.wakeOnLanMac + "|" + n.description).hashCode()) + "0".repeat(32));
            String property = r.get("property");
            if (property != null) {
                c.keySet().retainAll(List.of(property, "digest"));
            }
            return c;
        }
    }

    private Object updateConfig(ApiRequest r) {
        synchronized (ctx.state) {
            SimNode n = ctx.state.node(r.node());
            String wol = r.get("wakeonlan");
            if (wol != null) {
                String mac = wol.replaceFirst("^mac=", "").split(",")[0];
                n.wakeOnLanMac = mac.toUpperCase(java.util.Locale.ROOT);
            }
            if (r.get("description") != null) {
                n.description = r.get("description");
            }
            for (String key : CommonParams.idList(r.get("delete"))) {
                if (key.equals("wakeonlan")) {
                    n.wakeOnLanMac = null;
                } else if (key.equals("description")) {
                    n.description = null;
                }
            }
            return null;
        }
    }

    /** Another (online) node sends the magic packet to {node}'s configured MAC and answers that MAC. */
    private Object wakeOnLan(ApiRequest r) {
        synchronized (ctx.state) {
            SimNode target = ctx.state.node(r.node());
            if (target.wakeOnLanMac == null) {
                throw PveError.server("No wake on LAN MAC address defined for '" + target.name + "'!");
            }
            boolean senderOnline = ctx.state.nodes.values().stream().anyMatch(n -> n.online && n != target);
            if (!senderOnline && !target.online) {
                throw new PveError(595, "No route to host", null);
            }
            if (!target.online) {
                scheduleBoot(target);
            }
            return target.wakeOnLanMac;
        }
    }

    /** Wakes a node by MAC (from a received magic packet); true when an offline node matched. */
    boolean wakeByMac(String mac) {
        synchronized (ctx.state) {
            for (SimNode n : ctx.state.nodes.values()) {
                if (!n.online && mac.equalsIgnoreCase(n.wakeOnLanMac)) {
                    scheduleBoot(n);
                    return true;
                }
            }
            return false;
        }
    }

    private void scheduleBoot(SimNode n) {
        ClusterState at = ctx.state;
        ctx.timers.schedule(() -> {
            synchronized (at) {
                if (!n.online) {
                    n.online = true;
                    n.bootedAtMillis = System.currentTimeMillis();
                }
            }
        }, ctx.settings.nodeBoot().toMillis(), TimeUnit.MILLISECONDS);
    }

    private Object pci(ApiRequest r) {
        String blacklist = r.get("pci-class-blacklist", "05;06;0b");
        boolean verbose = r.get("verbose") == null || r.flag("verbose");
        synchronized (ctx.state) {
            SimNode n = ctx.state.node(r.node());
            List<Map<String, Object>> out = new ArrayList<>();
            for (SimNode.PciDevice d : n.pciDevices) {
                boolean skipped = false;
                for (String prefix : blacklist.split(";")) {
                    if (!prefix.isEmpty() && d.pciClass().substring(2).startsWith(prefix)) {
                        skipped = true;
                    }
                }
                if (skipped) {
                    continue;
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("id", d.id());
                e.put("class", d.pciClass());
                e.put("vendor", d.vendor());
                e.put("device", d.device());
                e.put("subsystem_vendor", d.subsystemVendor());
                e.put("subsystem_device", d.subsystemDevice());
                e.put("iommugroup", d.iommuGroup());
                if (verbose) {
                    e.put("vendor_name", d.vendorName());
                    e.put("device_name", d.deviceName());
                    e.put("subsystem_vendor_name", "Gigabyte Technology Co., Ltd");
                    e.put("subsystem_device_name", "");
                }
                if (d.pciClass().startsWith("0x03")) {
                    e.put("mdev", 0);
                }
                out.add(e);
            }
            return out;
        }
    }
}
