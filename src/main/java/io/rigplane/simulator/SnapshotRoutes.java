package io.rigplane.simulator;

import static io.rigplane.simulator.Param.bool;
import static io.rigplane.simulator.Param.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Snapshot list (with the {@code current} pseudo-entry), create, delete, rollback and snapshot config. */
final class SnapshotRoutes {
    private static final String NAME_RULE = "[a-zA-Z][a-zA-Z0-9_-]+";

    private final SimContext ctx;
    private final PowerRoutes power;

    SnapshotRoutes(SimContext ctx, PowerRoutes power) {
        this.ctx = ctx;
        this.power = power;
    }

    List<Route> routes() {
        Param node = CommonParams.NODE;
        Param vmid = CommonParams.VMID;
        Param snap = CommonParams.SNAPNAME;
        String base = "/nodes/{node}/qemu/{vmid}/snapshot";
        return List.of(
                new Route("GET", base, List.of(node, vmid), this::list),
                new Route("POST", base, List.of(node, vmid, snap, str("description"), bool("vmstate")), this::create),
                new Route("DELETE", base + "/{snapname}", List.of(node, vmid, snap, bool("force")), this::delete),
                new Route("GET", base + "/{snapname}", List.of(node, vmid, snap), r -> {
                    find(r);
                    return List.of(Map.of("cmd", "rollback"), Map.of("cmd", "config"));
                }),
                new Route("GET", base + "/{snapname}/config", List.of(node, vmid, snap), this::config),
                new Route("PUT", base + "/{snapname}/config", List.of(node, vmid, snap, str("description")), this::describe),
                new Route("POST", base + "/{snapname}/rollback", List.of(node, vmid, snap, bool("start")), this::rollback));
    }

    private Snapshot find(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            Snapshot s = vm.snapshots.get(r.get("snapname"));
            if (s == null) {
                throw PveError.server("snapshot '" + r.get("snapname") + "' does not exist");
            }
            return s;
        }
    }

    private Object list(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            List<Map<String, Object>> out = new ArrayList<>();
            for (Snapshot s : vm.snapshots.values()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", s.name);
                e.put("description", s.description == null ? "" : s.description);
                e.put("snaptime", s.snaptime);
                if (s.vmstate) {
                    e.put("vmstate", 1);
                }
                if (s.parent != null) {
                    e.put("parent", s.parent);
                }
                if (s.snapstate != null) {
                    e.put("snapstate", s.snapstate);
                }
                out.add(e);
            }
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("name", "current");
            current.put("description", "You are here!");
            current.put("digest", vm.digest());
            current.put("running", vm.running ? 1 : 0);
            if (vm.parent() != null) {
                current.put("parent", vm.parent());
            }
            out.add(current);
            return out;
        }
    }

    private Object create(ApiRequest r) {
        String name = r.get("snapname");
        // qemu-server dies (500) on the reserved names: 'current' exactly, 'pending' in any case
        if (name.equals("current")) {
            throw PveError.server("unable to use snapshot name 'current' (reserved name)");
        }
        if (name.toLowerCase(java.util.Locale.ROOT).equals("pending")) {
            throw PveError.server("unable to use snapshot name 'pending' (reserved name)");
        }
        if (!name.matches(NAME_RULE)) {
            throw PveError.parameter("snapname", "invalid format - invalid configuration ID '" + name + "'\n");
        }
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            boolean vmstate = r.flag("vmstate");
            String description = r.get("description", "");
            return ctx.tasks.start(vm.node, "qmsnapshot", String.valueOf(vm.vmid), r.caller(), task -> {
                Snapshot snap;
                synchronized (ctx.state) {
                    ctx.lockConfig(vm.vmid);
                    SimContext.checkLock(vm, false);
                    if (vm.snapshots.containsKey(name)) {
                        throw new Tasks.TaskFailure("snapshot name '" + name + "' already used");
                    }
                    if (vm.hasPending()) {
                        // qemu-server snapshots the running config; pending values stay pending
                        task.log("pending configuration changes are not part of the snapshot");
                    }
                    Map<String, String> frozen = new LinkedHashMap<>(vm.config);
                    frozen.remove("parent");
                    frozen.remove("lock");
                    snap = new Snapshot(name, description, System.currentTimeMillis() / 1000, vmstate && vm.running,
                            vm.parent(), frozen);
                    snap.snapstate = "prepare";
                    vm.snapshots.put(name, snap);
                    vm.config.put("lock", "snapshot");
                }
                try {
                    if (vmstate && vm.running) {
                        task.log("saving VM state and RAM using storage 'local-zfs'");
                    }
                    SimContext.sleep(ctx.taskMillis());
                    synchronized (ctx.state) {
                        ctx.maybeFailTask("snapshot");
                        snap.snapstate = null;
                        vm.config.put("parent", name);
                        vm.config.remove("lock");
                    }
                } catch (InterruptedException | RuntimeException e) {
                    synchronized (ctx.state) {
                        if (!(e instanceof InterruptedException)) {
                            // a failed snapshot is cleaned up; an interrupted one keeps its lock, as on a real node
                            vm.snapshots.remove(name);
                            vm.config.remove("lock");
                        }
                    }
                    throw e;
                }
            }, null).upid;
        }
    }

    private Object delete(ApiRequest r) {
        String name = r.get("snapname");
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            boolean force = r.flag("force");
            ctx.state.recordDestructive("DELETE", r.path(), "delete snapshot " + name + " of VM " + vm.vmid);
            return ctx.tasks.start(vm.node, "qmdelsnapshot", String.valueOf(vm.vmid), r.caller(), task -> {
                Snapshot snap;
                synchronized (ctx.state) {
                    ctx.lockConfig(vm.vmid);
                    snap = vm.snapshots.get(name);
                    if (snap == null) {
                        throw new Tasks.TaskFailure("snapshot '" + name + "' does not exist");
                    }
                    if (!force) {
                        SimContext.checkLock(vm, false);
                    }
                    snap.snapstate = "delete";
                    vm.config.put("lock", "snapshot-delete");
                }
                SimContext.sleep(ctx.taskMillis());
                synchronized (ctx.state) {
                    ctx.maybeFailTask("delete snapshot");
                    vm.snapshots.remove(name);
                    for (Snapshot child : vm.snapshots.values()) {
                        if (name.equals(child.parent)) {
                            child.parent = snap.parent;
                        }
                    }
                    if (name.equals(vm.parent())) {
                        if (snap.parent == null) {
                            vm.config.remove("parent");
                        } else {
                            vm.config.put("parent", snap.parent);
                        }
                    }
                    vm.config.remove("lock");
                }
            }, null).upid;
        }
    }

    private Object config(ApiRequest r) {
        synchronized (ctx.state) {
            Snapshot s = find(r);
            Map<String, String> c = new LinkedHashMap<>(s.config);
            c.put("snaptime", String.valueOf(s.snaptime));
            if (s.parent != null) {
                c.put("parent", s.parent);
            }
            if (s.snapstate != null) {
                c.put("snapstate", s.snapstate);
            }
            Map<String, Object> out = CommonParams.typed(c);
            out.put("description", s.description == null ? "" : s.description);
            return out;
        }
    }

    private Object describe(ApiRequest r) {
        synchronized (ctx.state) {
            Snapshot s = find(r);
            s.description = r.get("description", s.description);
            return null;
        }
    }

    private Object rollback(ApiRequest r) {
        String name = r.get("snapname");
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            boolean start = r.flag("start");
            return ctx.tasks.start(vm.node, "qmrollback", String.valueOf(vm.vmid), r.caller(), task -> {
                Snapshot snap;
                synchronized (ctx.state) {
                    ctx.lockConfig(vm.vmid);
                    SimContext.checkLock(vm, false);
                    snap = vm.snapshots.get(name);
                    if (snap == null) {
                        throw new Tasks.TaskFailure("snapshot '" + name + "' does not exist");
                    }
                    if (snap.snapstate != null) {
                        throw new Tasks.TaskFailure("unable to rollback to incomplete snapshot (snapstate = "
                                + snap.snapstate + ")");
                    }
                    if (vm.running && !snap.vmstate) {
                        power.markStopped(vm);
                        task.log("stopping VM " + vm.vmid + " for rollback");
                    }
                    vm.config.put("lock", "rollback");
                }
                SimContext.sleep(ctx.taskMillis());
                boolean startAfter;
                synchronized (ctx.state) {
                    ctx.maybeFailTask("rollback");
                    vm.config.clear();
                    vm.config.putAll(snap.config);
                    vm.config.put("parent", name);
                    vm.pending.clear();
                    vm.pendingDelete.clear();
                    startAfter = (start || snap.vmstate) && !vm.running;
                    if (snap.vmstate && vm.running) {
                        power.markStopped(vm);
                    }
                }
                if (startAfter) {
                    power.startWork(vm, false, task);
                }
            }, null).upid;
        }
    }
}
