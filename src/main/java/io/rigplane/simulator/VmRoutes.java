package io.rigplane.simulator;

import static io.rigplane.simulator.Param.bool;
import static io.rigplane.simulator.Param.integer;
import static io.rigplane.simulator.Param.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** VM list, create, destroy, configuration (GET/POST/PUT), pending changes and disk resize. */
final class VmRoutes {
    private static final List<String> RESIZABLE = resizable();
    /** qemu-server's own text for a stale digest on config and resize (other endpoints word it differently). */
    static final String CHECKSUM_MISMATCH = "checksum mismatch (file change by other user?)";

    private final SimContext ctx;
    private final PowerRoutes power;

    VmRoutes(SimContext ctx, PowerRoutes power) {
        this.ctx = ctx;
        this.power = power;
    }

    private static List<String> resizable() {
        List<String> disks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            disks.add("ide" + i);
        }
        for (int i = 0; i < 31; i++) {
            disks.add("scsi" + i);
        }
        for (int i = 0; i < 16; i++) {
            disks.add("virtio" + i);
        }
        for (int i = 0; i < 6; i++) {
            disks.add("sata" + i);
        }
        disks.add("efidisk0");
        disks.add("tpmstate0");
        return disks;
    }

    static List<Param> createParams() {
        return CommonParams.of(List.of(CommonParams.NODE, CommonParams.VMID, str("archive"), integer("bwlimit").min(0),
                bool("force"), bool("ha-managed"), str("import-working-storage"), bool("live-restore"), str("pool"),
                bool("start"), str("storage"), bool("unique")), VmKeys.CONFIG);
    }

    static List<Param> updateParams(boolean async) {
        List<Param> extra = new ArrayList<>(List.of(CommonParams.NODE, CommonParams.VMID, str("delete"),
                CommonParams.DIGEST, bool("force"), str("revert"), CommonParams.SKIPLOCK));
        if (async) {
            extra.add(integer("background_delay").range(1L, 30L));
            extra.add(str("import-working-storage"));
        }
        return CommonParams.of(extra, VmKeys.CONFIG);
    }

    List<Route> routes() {
        Param node = CommonParams.NODE;
        Param vmid = CommonParams.VMID;
        String base = "/nodes/{node}/qemu/{vmid}";
        return List.of(
                new Route("GET", "/nodes/{node}/qemu", List.of(node, bool("full")), this::list),
                // the simulator has no containers; a node without any answers []
                new Route("GET", "/nodes/{node}/lxc", List.of(node), r -> {
                    synchronized (ctx.state) {
                        ctx.state.node(r.node());
                    }
                    return List.of();
                }),
                new Route("POST", "/nodes/{node}/qemu", createParams(), this::create),
                new Route("DELETE", base, List.of(node, vmid, bool("destroy-unreferenced-disks"), bool("purge"),
                        CommonParams.SKIPLOCK), this::destroy),
                new Route("GET", base, List.of(node, vmid), r -> List.of("config", "pending", "status", "snapshot",
                        "agent", "resize").stream().map(s -> Map.of("subdir", s)).toList()),
                new Route("GET", base + "/config", List.of(node, vmid, bool("current"), str("snapshot").maxLength(40)),
                        this::config),
                new Route("POST", base + "/config", updateParams(true), this::updateAsync),
                new Route("PUT", base + "/config", updateParams(false), this::updateSync),
                new Route("GET", base + "/pending", List.of(node, vmid), this::pending),
                new Route("PUT", base + "/resize", List.of(node, vmid, CommonParams.DIGEST,
                        str("disk").required().oneOf(RESIZABLE.toArray(String[]::new)),
                        str("size").required().pattern("\\+?\\d+(\\.\\d+)?[KMGT]?"), CommonParams.SKIPLOCK), this::resize));
    }

    /** One VM as the list and status/current show it. */
    static Map<String, Object> listEntry(SimVm vm, boolean statusCurrent) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("vmid", vm.vmid);
        e.put("name", vm.name());
        e.put("status", vm.running ? "running" : "stopped");
        e.put("cpus", vm.cpus());
        e.put("maxmem", vm.memoryMiB() << 20);
        e.put("maxdisk", vm.diskBytes());
        e.put("disk", 0);
        e.put("uptime", vm.running ? (System.currentTimeMillis() - vm.startedAtMillis) / 1000 : 0);
        e.put("cpu", vm.running ? 0.0342 : 0);
        e.put("mem", vm.running ? (vm.memoryMiB() << 20) / 2 : 0);
        e.put("netin", vm.running ? 1_048_576 : 0);
        e.put("netout", vm.running ? 524_288 : 0);
        e.put("diskread", vm.running ? 268_435_456 : 0);
        e.put("diskwrite", vm.running ? 67_108_864 : 0);
        if (vm.running) {
            e.put("pid", vm.pid);
        }
        if (vm.lock() != null) {
            e.put("lock", vm.lock());
        }
        if (vm.config.containsKey("tags")) {
            e.put("tags", vm.config.get("tags"));
        }
        if ("1".equals(vm.config.get("template"))) {
            e.put("template", 1);
        }
        if (statusCurrent) {
            e.put("qmpstatus", vm.running ? "running" : "stopped");
        }
        return e;
    }

    private Object list(ApiRequest r) {
        synchronized (ctx.state) {
            ctx.state.node(r.node());
            List<Map<String, Object>> out = new ArrayList<>();
            for (SimVm vm : ctx.state.vms.values()) {
                if (vm.node.equals(r.node())) {
                    Map<String, Object> e = listEntry(vm, r.flag("full"));
                    if (vm.running && r.flag("full")) {
                        e.put("running-machine", vm.runningMachine);
                        e.put("running-qemu", "10.0.2");
                    }
                    out.add(e);
                }
            }
            return out;
        }
    }

    private static Map<String, String> configSets(ApiRequest r) {
        Map<String, String> sets = new LinkedHashMap<>();
        r.params().forEach((k, v) -> {
            Param p = VmKeys.find(k);
            if (p != null && VmKeys.CONFIG.contains(p)) {
                sets.put(k, v.get(v.size() - 1));
            }
        });
        return sets;
    }

    private Object create(ApiRequest r) {
        Map<String, String> given = configSets(r);
        RootOnly.checkConfigKeys(r.caller(), given.keySet());
        RootOnly.checkDevices(r.caller(), given);
        synchronized (ctx.state) {
            int vmid = r.vmid();
            SimVm existing = ctx.state.vms.get(vmid);
            if (existing != null) {
                throw PveError.server("unable to create VM " + vmid + " - VM " + vmid + " already exists on node '"
                        + existing.node + "'");
            }
            SimVm vm = new SimVm(vmid, r.node(), new Guest(ctx.state.guestIp(vmid), null));
            vm.config.put("lock", "create");
            ctx.state.vms.put(vmid, vm);
            Map<String, String> sets = configSets(r);
            boolean start = r.flag("start");
            ClusterState at = ctx.state;
            return ctx.tasks.start(r.node(), "qmcreate", String.valueOf(vmid), r.caller(), task -> {
                synchronized (at) {
                    ctx.maybeFailTask("create");
                    SimVm scratch = new SimVm(vmid, vm.node, vm.guest);
                    ctx.writer.update(scratch, sets, List.of(), List.of(), true);
                    List<String> pinning = ctx.writer.addCreateDefaults(scratch, System.currentTimeMillis() / 1000);
                    sets.keySet().stream().filter(VmKeys::isDisk).forEach(k -> task.log(k + ": successfully created disk '"
                            + VmKeys.diskFormat(k).parse(scratch.config.get(k)).get("file") + "'"));
                    pinning.forEach(task::log);
                    vm.config.clear();
                    vm.config.putAll(scratch.config);
                    vm.config.put("lock", "create");
                }
                SimContext.sleep(ctx.taskMillis());
                synchronized (at) {
                    vm.config.remove("lock");
                }
                if (start) {
                    power.startWork(vm, false, task);
                }
            }, () -> {
                synchronized (at) {
                    if (at.vms.get(vmid) == vm && (vm.lock() != null || vm.config.isEmpty())) {
                        at.vms.remove(vmid);
                    }
                }
            }).upid;
        }
    }

    private Object destroy(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            ctx.lockConfig(vm.vmid);
            SimContext.checkLock(vm, r.flag("skiplock"));
            if (vm.running) {
                throw PveError.server("VM " + vm.vmid + " is running - destroy failed");
            }
            if ("1".equals(vm.config.get("protection"))) {
                throw PveError.server("can't remove VM " + vm.vmid + " - protection mode enabled");
            }
            ctx.state.recordDestructive("DELETE", r.path(), "destroy VM " + vm.vmid);
            ClusterState at = ctx.state;
            return ctx.tasks.start(vm.node, "qmdestroy", String.valueOf(vm.vmid), r.caller(), task -> {
                SimContext.sleep(ctx.taskMillis());
                synchronized (at) {
                    at.vms.remove(vm.vmid);
                    ctx.streamHosts.forget(vm.vmid);
                }
                task.log("Removing image: 100% complete...done.");
            }, null).upid;
        }
    }

    private Object config(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            String snapname = r.get("snapshot");
            Map<String, String> source;
            if (snapname != null) {
                Snapshot s = vm.snapshots.get(snapname);
                if (s == null) {
                    throw PveError.server("snapshot '" + snapname + "' does not exist");
                }
                source = new LinkedHashMap<>(s.config);
                source.put("snaptime", String.valueOf(s.snaptime));
                if (s.parent != null) {
                    source.put("parent", s.parent);
                }
                if (s.vmstate) {
                    source.put("vmstate", "local-zfs:vm-" + vm.vmid + "-state-" + s.name);
                }
            } else {
                source = vm.view(r.flag("current"));
            }
            Map<String, Object> out = CommonParams.typed(source);
            out.put("digest", vm.digest());
            return out;
        }
    }

    private Object pending(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            Set<String> keys = new TreeSet<>(vm.config.keySet());
            keys.addAll(vm.pending.keySet());
            keys.addAll(vm.pendingDelete);
            List<Map<String, Object>> out = new ArrayList<>();
            for (String key : keys) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("key", key);
                if (vm.config.containsKey(key)) {
                    e.put("value", vm.config.get(key));
                }
                if (vm.pending.containsKey(key)) {
                    e.put("pending", vm.pending.get(key));
                }
                if (vm.pendingDelete.contains(key)) {
                    e.put("delete", 1);
                }
                out.add(e);
            }
            return out;
        }
    }

    private Object updateSync(ApiRequest r) {
        ConfigChange change = configChange(r);
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            checkDigestAndLock(vm, r);
            ctx.lockConfig(vm.vmid);
            applyUpdate(vm, r, change, null);
            return null;
        }
    }

    /**
     * POST config: like qemu-server, the digest and the lock are checked before the worker starts
     * and again inside it under the config lock, where the change itself happens.
     */
    private Object updateAsync(ApiRequest r) {
        ConfigChange change = configChange(r);
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            checkDigestAndLock(vm, r);
            return ctx.tasks.start(vm.node, "qmconfig", String.valueOf(vm.vmid), r.caller(), task -> {
                synchronized (ctx.state) {
                    ctx.lockConfig(vm.vmid);
                    applyUpdate(vm, r, change, task);
                }
            }, null).upid;
        }
    }

    private record ConfigChange(Map<String, String> sets, List<String> deletes, List<String> reverts) {
    }

    /** The checks of qemu-server's update_vm_api that need no config: option names and root-only keys. */
    private static ConfigChange configChange(ApiRequest r) {
        Map<String, String> sets = configSets(r);
        List<String> reverts = CommonParams.idList(r.get("revert"));
        List<String> deletes = new ArrayList<>();
        for (String key : reverts) {
            if (!VmKeys.exists(key)) {
                throw PveError.parameter("revert", "unknown option '" + key + "'");
            }
        }
        for (String listed : CommonParams.idList(r.get("delete"))) {
            String key = listed.equals("cdrom") ? "ide2" : listed;
            if (sets.containsKey(key)) {
                throw PveError.parameter("delete", "you can't use '-" + key + "' and -delete " + key + "' at the same time");
            }
            if (reverts.contains(key)) {
                throw PveError.parameter("revert", "you can't use '-delete " + key + "' and -revert " + key
                        + "' at the same time");
            }
            if (!VmKeys.exists(key)) {
                throw PveError.parameter("delete", "unknown option '" + key + "'");
            }
            deletes.add(key);
        }
        if (sets.isEmpty() && deletes.isEmpty() && reverts.isEmpty()) {
            throw PveError.server("no options specified");
        }
        RootOnly.checkConfigKeys(r.caller(), deletes);
        RootOnly.checkConfigKeys(r.caller(), sets.keySet());
        return new ConfigChange(sets, deletes, reverts);
    }

    private static void checkDigestAndLock(SimVm vm, ApiRequest r) {
        String digest = r.get("digest");
        if (digest != null && !digest.isEmpty() && !digest.equals(vm.digest())) {
            throw PveError.server(CHECKSUM_MISMATCH);
        }
        SimContext.checkLock(vm, r.flag("skiplock"));
    }

    private void applyUpdate(SimVm vm, ApiRequest r, ConfigChange change, SimTask task) {
        checkDigestAndLock(vm, r);
        List<String> deletes = change.deletes();
        List<String> reverts = change.reverts();
        Map<String, String> sets = change.sets();
        // qemu-server's updatefn checks devices, the old value as well as the new one
        for (String key : deletes) {
            RootOnly.checkDevice(r.caller(), key, vm.config.get(key));
        }
        sets.forEach((key, value) -> {
            RootOnly.checkDevice(r.caller(), key, vm.config.get(key));
            RootOnly.checkDevice(r.caller(), key, value);
        });
        ConfigWriter.Outcome outcome = ctx.writer.update(vm, sets, deletes, reverts, false);
        List<String> removed = new ArrayList<>(outcome.destroyed());
        removed.addAll(outcome.detached());
        if (!removed.isEmpty()) {
            ctx.state.recordDestructive(r.method(), r.path(), "delete " + String.join(", ", removed));
        }
        if (task != null) {
            outcome.detached().forEach(d -> task.log("detaching disk: " + d));
            outcome.destroyed().forEach(d -> task.log("removing volume '" + d + "'"));
            outcome.pending().forEach(k -> task.log("pending change for '" + k + "': applied at next start"));
        }
    }

    private Object resize(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            String disk = r.get("disk");
            String size = r.get("size");
            String digest = r.get("digest");
            boolean skiplock = r.flag("skiplock");
            return ctx.tasks.start(vm.node, "resize", String.valueOf(vm.vmid), r.caller(), task -> {
                synchronized (ctx.state) {
                    ctx.lockConfig(vm.vmid);
                    if (digest != null && !digest.isEmpty() && !digest.equals(vm.digest())) {
                        throw PveError.server(CHECKSUM_MISMATCH);
                    }
                    SimContext.checkLock(vm, skiplock);
                    String value = vm.config.get(disk);
                    if (value == null) {
                        throw new Tasks.TaskFailure("disk '" + disk + "' does not exist");
                    }
                    PropertyFormat f = VmKeys.diskFormat(disk);
                    Map<String, String> d = f.parse(value);
                    long current = d.get("size") == null ? 0 : Disks.parseSize(d.get("size"));
                    long next = size.startsWith("+") ? current + Disks.parseSize(size.substring(1)) : Disks.parseSize(size);
                    if (next < current) {
                        throw new Tasks.TaskFailure("shrinking disks is not supported");
                    }
                    ctx.maybeFailTask("resize");
                    d.put("size", Disks.formatSize(next));
                    vm.config.put(disk, f.print(d));
                    task.log("Image resized to " + next + " bytes.");
                }
                SimContext.sleep(ctx.taskMillis() / 2);
            }, null).upid;
        }
    }
}
