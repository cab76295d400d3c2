package io.rigplane.simulator;

import static io.rigplane.simulator.Param.bool;
import static io.rigplane.simulator.Param.integer;
import static io.rigplane.simulator.Param.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Power state (status/current, start, stop, shutdown, reboot) and the QEMU guest agent. */
final class PowerRoutes {
    private final SimContext ctx;

    PowerRoutes(SimContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        Param node = CommonParams.NODE;
        Param vmid = CommonParams.VMID;
        String base = "/nodes/{node}/qemu/{vmid}";
        return List.of(
                new Route("GET", base + "/status/current", List.of(node, vmid), this::current),
                new Route("POST", base + "/status/start", List.of(node, vmid, str("force-cpu"), str("machine").format(VmKeys.MACHINE),
                        str("migratedfrom"), str("migration_network"), str("migration_type").oneOf("secure", "insecure"),
                        str("nets-host-mtu").pattern("net\\d+=\\d+(,net\\d+=\\d+)*"), CommonParams.SKIPLOCK,
                        str("stateuri").maxLength(128), str("targetstorage"), integer("timeout").min(0),
                        bool("with-conntrack-state")), this::start),
                new Route("POST", base + "/status/stop", List.of(node, vmid, bool("keepActive"), str("migratedfrom"),
                        bool("overrule-shutdown"), CommonParams.SKIPLOCK, integer("timeout").min(0)), this::stop),
                new Route("POST", base + "/status/shutdown", List.of(node, vmid, bool("forceStop"), bool("keepActive"),
                        CommonParams.SKIPLOCK, integer("timeout").min(0)), this::shutdown),
                new Route("POST", base + "/status/reboot", List.of(node, vmid, integer("timeout").min(0)), this::reboot),
                new Route("GET", base + "/agent", List.of(node, vmid), r -> List.of("ping", "network-get-interfaces",
                        "get-host-name", "get-osinfo", "info").stream().map(c -> Map.of("name", c)).toList()),
                new Route("POST", base + "/agent", List.of(node, vmid, str("command").required().oneOf("fsfreeze-freeze",
                        "fsfreeze-status", "fsfreeze-thaw", "fstrim", "get-fsinfo", "get-host-name",
                        "get-memory-block-info", "get-memory-blocks", "get-osinfo", "get-time", "get-timezone",
                        "get-users", "get-vcpus", "info", "network-get-interfaces", "ping", "shutdown", "suspend-disk",
                        "suspend-hybrid", "suspend-ram")), r -> agent(r, r.get("command"))),
                new Route("POST", base + "/agent/ping", List.of(node, vmid), r -> agent(r, "ping")),
                new Route("GET", base + "/agent/network-get-interfaces", List.of(node, vmid),
                        r -> agent(r, "network-get-interfaces")));
    }

    private Object current(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            Map<String, Object> s = VmRoutes.listEntry(vm, true);
            s.put("ha", Map.of("managed", 0));
            s.put("agent", vm.agentEnabled() ? 1 : 0);
            if (vm.running) {
                s.put("running-machine", vm.runningMachine);
                s.put("running-qemu", "10.0.2");
                s.put("spice", 0);
                s.put("clipboard", "vnc");
                runningDetails(vm, s);
            }
            return s;
        }
    }

    /** What a running VM's status/current carries beyond the schema (as captured from PVE 8). */
    private static void runningDetails(SimVm vm, Map<String, Object> s) {
        long maxmem = vm.memoryMiB() << 20;
        s.put("shares", 1000);
        s.put("freemem", maxmem / 2);
        s.put("balloon", maxmem);
        Map<String, Object> balloon = new LinkedHashMap<>();
        balloon.put("actual", maxmem);
        balloon.put("max_mem", maxmem);
        balloon.put("total_mem", maxmem - (64L << 20));
        balloon.put("free_mem", maxmem / 2);
        balloon.put("mem_swapped_in", 0);
        balloon.put("mem_swapped_out", 0);
        balloon.put("major_page_faults", 1024);
        balloon.put("minor_page_faults", 262_144);
        balloon.put("last_update", System.currentTimeMillis() / 1000);
        s.put("ballooninfo", balloon);
        Map<String, Object> blockstat = new LinkedHashMap<>();
        vm.config.keySet().stream().filter(k -> k.matches("(scsi|virtio|sata|ide)\\d+")).forEach(k -> blockstat.put(k,
                Map.of("rd_bytes", 268_435_456L, "wr_bytes", 67_108_864L, "rd_operations", 4096, "wr_operations", 1024,
                        "flush_operations", 64, "idle_time_ns", 1_000_000L)));
        s.put("blockstat", blockstat);
        Map<String, Object> nics = new LinkedHashMap<>();
        vm.config.keySet().stream().filter(k -> k.matches("net\\d+")).forEach(k -> nics.put("tap" + vm.vmid + "i"
                + k.substring(3), Map.of("netin", 1_048_576, "netout", 524_288)));
        s.put("nics", nics);
        s.put("proxmox-support", Map.of("pbs-dirty-bitmap", true, "pbs-dirty-bitmap-migration", true,
                "pbs-dirty-bitmap-savevm", true, "pbs-masterkey", true, "pbs-library-version", "1.5.2 (UNKNOWN)",
                "query-bitmap-info", true, "backup-max-workers", true));
    }

    private Object start(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            boolean skiplock = r.flag("skiplock");
            return ctx.tasks.start(vm.node, "qmstart", String.valueOf(vm.vmid), r.caller(), task -> {
                startWork(vm, skiplock, task);
            }, null).upid;
        }
    }

    /** The start task: lock and run checks inside the task, GPU exclusivity, pending changes applied. */
    void startWork(SimVm vm, boolean skiplock, SimTask task) throws InterruptedException {
        synchronized (ctx.state) {
            ctx.lockConfig(vm.vmid);
            SimContext.checkLock(vm, skiplock);
            if (vm.running) {
                throw new Tasks.TaskFailure("VM " + vm.vmid + " already running");
            }
            choosePciDevices(vm);
            ctx.maybeFailTask("start");
        }
        SimContext.sleep(ctx.taskMillis());
        synchronized (ctx.state) {
            if (vm.running) {
                throw new Tasks.TaskFailure("VM " + vm.vmid + " already running");
            }
            vm.pciInUse = choosePciDevices(vm);
            ctx.writer.applyPending(vm);
            String machine = VmKeys.MACHINE.parse(vm.config.getOrDefault("machine", "pc")).getOrDefault("type", "pc");
            vm.runningMachine = machine.matches("pc|q35") ? (machine.equals("q35") ? "pc-q35-10.0+pve0" : "pc-i440fx-10.0+pve0")
                    : machine.contains("+pve") ? machine : machine + "+pve0";
            vm.running = true;
            vm.startedAtMillis = System.currentTimeMillis();
            vm.pid = 10_000 + vm.vmid;
            bootGuest(vm);
        }
    }

    /**
     * A mapped or raw PCI device may be passed to one running VM at a time on a node. Like
     * qemu-server's choose_hostpci_devices: a mapping with several devices on the node is a list of
     * alternatives, and the first one no running VM uses is taken. Returns the device paths taken.
     */
    private List<String> choosePciDevices(SimVm vm) {
        List<String> taken = new ArrayList<>();
        Map<String, String> config = vm.view(false);
        for (int i = 0; i < 16; i++) {
            String value = config.get("hostpci" + i);
            if (value == null) {
                continue;
            }
            List<List<String>> alternatives = alternatives(vm, VmKeys.HOSTPCI.parse(value));
            List<String> chosen = null;
            Integer holder = null;
            for (List<String> alternative : alternatives) {
                holder = userOf(vm, alternative, taken);
                if (holder == null) {
                    chosen = alternative;
                    break;
                }
            }
            if (chosen == null) {
                if (alternatives.size() == 1) {
                    throw new Tasks.TaskFailure("PCI device '" + alternatives.get(0).get(0) + ".0' already in use by VMID '"
                            + holder + "'");
                }
                throw new Tasks.TaskFailure("could not find a free device for 'hostpci" + i + "'");
            }
            taken.addAll(chosen);
        }
        return taken;
    }

    /** The VMID of a running VM on the node that uses one of the paths (-1: this VM's own other device). */
    private Integer userOf(SimVm vm, List<String> paths, List<String> takenByThis) {
        for (String path : paths) {
            if (takenByThis.contains(path)) {
                return vm.vmid;
            }
            for (SimVm other : ctx.state.vms.values()) {
                if (other != vm && other.running && other.node.equals(vm.node) && other.pciInUse.contains(path)) {
                    return other.vmid;
                }
            }
        }
        return null;
    }

    private List<List<String>> alternatives(SimVm vm, Map<String, String> pci) {
        List<List<String>> alternatives = new ArrayList<>();
        if (pci.containsKey("mapping")) {
            PciMapping m = ctx.state.mappings.get(pci.get("mapping"));
            List<String> paths = m == null ? List.of() : m.pathsOn(vm.node);
            if (paths.isEmpty()) {
                throw new Tasks.TaskFailure("PCI device mapping not found for '" + pci.get("mapping") + "'");
            }
            for (String path : paths) {
                alternatives.add(List.of(path.toLowerCase(Locale.ROOT).split(";")));
            }
        } else if (pci.containsKey("host")) {
            List<String> paths = new ArrayList<>();
            for (String host : pci.get("host").split(";")) {
                host = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
                paths.add((host.length() == 5 ? "0000:" + host : host).toLowerCase(Locale.ROOT));
            }
            alternatives.add(paths);
        }
        return alternatives;
    }

    /** The guest agent answers after the boot time; the stream host listens a while later. */
    private void bootGuest(SimVm vm) {
        long now = System.currentTimeMillis();
        long agentAt = now + ctx.settings.guestBoot().toMillis();
        vm.guest.agentReadyAtMillis = agentAt;
        vm.guest.streamReadyAtMillis = agentAt + ctx.settings.streamHostDelay().toMillis();
        long startedAt = vm.startedAtMillis;
        ClusterState at = ctx.state;
        ctx.timers.schedule(() -> {
            String hostname;
            synchronized (at) {
                if (!vm.running || vm.startedAtMillis != startedAt || ctx.faults.guestNeverReady()
                        || ctx.faults.streamHostNeverReady() || ctx.state != at) {
                    return;
                }
                hostname = vm.name();
            }
            StreamHost host = ctx.streamHosts.start(vm.vmid, vm.guest.ip, hostname, () -> guestMac(vm));
            synchronized (at) {
                if (!vm.running || vm.startedAtMillis != startedAt) {
                    ctx.streamHosts.stop(vm.vmid);
                } else {
                    vm.guest.streamHost = host;
                }
            }
        }, vm.guest.streamReadyAtMillis - now, TimeUnit.MILLISECONDS);
    }

    static String guestMac(SimVm vm) {
        String net0 = vm.config.get("net0");
        String mac = net0 == null ? null : VmKeys.NET.parse(net0).get("macaddr");
        return mac == null ? "00:00:00:00:00:00" : mac.toLowerCase(Locale.ROOT);
    }

    void markStopped(SimVm vm) {
        vm.running = false;
        vm.pid = 0;
        vm.runningMachine = null;
        vm.pciInUse = List.of();
        vm.guest.agentReadyAtMillis = Long.MAX_VALUE;
        vm.guest.streamReadyAtMillis = Long.MAX_VALUE;
        vm.guest.streamHost = null;
        ctx.streamHosts.stop(vm.vmid);
    }

    private boolean guestAnswers(SimVm vm) {
        return vm.running && vm.agentEnabled() && !ctx.faults.guestNeverReady()
                && System.currentTimeMillis() >= vm.guest.agentReadyAtMillis;
    }

    private Object stop(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            boolean skiplock = r.flag("skiplock");
            return ctx.tasks.start(vm.node, "qmstop", String.valueOf(vm.vmid), r.caller(), task -> {
                synchronized (ctx.state) {
                    ctx.lockConfig(vm.vmid);
                    SimContext.checkLock(vm, skiplock);
                    ctx.maybeFailTask("stop");
                }
                SimContext.sleep(ctx.taskMillis() / 2);
                synchronized (ctx.state) {
                    markStopped(vm);
                }
            }, null).upid;
        }
    }

    private Object shutdown(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            if (!vm.running) {
                throw PveError.server("VM " + vm.vmid + " not running");
            }
            boolean skiplock = r.flag("skiplock");
            boolean force = r.flag("forceStop");
            int timeout = r.integer("timeout", 180);
            return ctx.tasks.start(vm.node, "qmshutdown", String.valueOf(vm.vmid), r.caller(), task -> {
                synchronized (ctx.state) {
                    ctx.lockConfig(vm.vmid);
                    SimContext.checkLock(vm, skiplock);
                }
                shutdownWork(vm, timeout, force, task);
            }, null).upid;
        }
    }

    /** Agent shutdown when it answers, ACPI otherwise; a guest that never booted ignores both. */
    private void shutdownWork(SimVm vm, int timeoutSeconds, boolean force, SimTask task) throws InterruptedException {
        boolean responsive;
        synchronized (ctx.state) {
            if (!vm.running) {
                return;
            }
            responsive = !ctx.faults.guestNeverReady() && System.currentTimeMillis() >= vm.guest.agentReadyAtMillis;
            task.log(guestAnswers(vm) ? "requesting shutdown via QEMU guest agent" : "requesting shutdown via ACPI");
        }
        if (!responsive) {
            SimContext.sleep(timeoutSeconds * 1000L);
            if (!force) {
                throw new Tasks.TaskFailure("VM quit/powerdown failed - got timeout");
            }
            task.log("VM still running - terminating now with SIGTERM");
        } else {
            SimContext.sleep(ctx.taskMillis());
        }
        synchronized (ctx.state) {
            ctx.maybeFailTask("shutdown");
            markStopped(vm);
        }
    }

    private Object reboot(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            if (!vm.running) {
                throw PveError.server("VM " + vm.vmid + " not running");
            }
            int timeout = r.integer("timeout", 180);
            return ctx.tasks.start(vm.node, "qmreboot", String.valueOf(vm.vmid), r.caller(), task -> {
                synchronized (ctx.state) {
                    ctx.lockConfig(vm.vmid);
                    SimContext.checkLock(vm, false);
                }
                // an API reboot is a shutdown plus a fresh start, so pending changes apply
                shutdownWork(vm, timeout, false, task);
                startWork(vm, false, task);
            }, null).upid;
        }
    }

    private Object agent(ApiRequest r, String command) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            if (!vm.running) {
                throw PveError.server("VM " + vm.vmid + " is not running");
            }
            if (!vm.agentEnabled()) {
                throw PveError.server("No QEMU guest agent configured");
            }
            if (!guestAnswers(vm)) {
                throw PveError.server("QEMU guest agent is not running");
            }
            Object result = switch (command) {
                case "network-get-interfaces" -> interfaces(vm);
                case "get-host-name" -> Map.of("host-name", vm.name());
                case "get-osinfo" -> vm.isWindows()
                        ? Map.of("id", "mswindows", "name", "Microsoft Windows", "pretty-name", "Windows 11 Pro",
                        "version", "Microsoft Windows 11", "kernel-release", "26100", "machine", "x86_64")
                        : Map.of("id", "debian", "name", "Debian GNU/Linux", "pretty-name", "Debian GNU/Linux 13 (trixie)",
                        "version-id", "13", "kernel-release", "6.12.48+deb13-amd64", "machine", "x86_64");
                case "info" -> Map.of("version", "9.5.0", "supported_commands", List.of());
                default -> Map.of();
            };
            return Map.of("result", result);
        }
    }

    private List<Map<String, Object>> interfaces(SimVm vm) {
        StreamHost host = vm.guest.streamHost;
        String ip = host != null ? host.ip() : vm.guest.ip;
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(iface(vm.isWindows() ? "Loopback Pseudo-Interface 1" : "lo", "00:00:00:00:00:00",
                List.of(addr("ipv4", "127.0.0.1", 8), addr("ipv6", "::1", 128))));
        out.add(iface(vm.isWindows() ? "Ethernet" : "ens18", guestMac(vm),
                List.of(addr("ipv4", ip, 8), addr("ipv6", "fe80::be24:11ff:fe00:" + Integer.toHexString(vm.vmid), 64))));
        return out;
    }

    private static Map<String, Object> iface(String name, String mac, List<Map<String, Object>> addresses) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("name", name);
        i.put("hardware-address", mac);
        i.put("ip-addresses", addresses);
        i.put("statistics", Map.of("rx-bytes", 123456, "rx-dropped", 0, "rx-errs", 0, "rx-packets", 1024,
                "tx-bytes", 654321, "tx-dropped", 0, "tx-errs", 0, "tx-packets", 2048));
        return i;
    }

    private static Map<String, Object> addr(String type, String ip, int prefix) {
        return Map.of("ip-address-type", type, "ip-address", ip, "prefix", prefix);
    }
}
