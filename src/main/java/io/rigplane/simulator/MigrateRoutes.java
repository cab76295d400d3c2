package io.rigplane.simulator;

import static io.rigplane.simulator.Param.bool;
import static io.rigplane.simulator.Param.integer;
import static io.rigplane.simulator.Param.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offline migration ({@code POST /nodes/{node}/qemu/{vmid}/migrate}), as qemu-server's migrate_vm and
 * QemuMigrate do it for a stopped VM: the config moves to the target node, disks on local storage are
 * copied (the task takes longer the bigger they are), disks on shared storage stay where they are.
 * A running VM is refused without {@code online}; live migration is not simulated.
 */
final class MigrateRoutes {
    private static final Pattern DISK_KEY = Pattern.compile("(?:scsi|sata|ide|virtio)\\d+|efidisk0|tpmstate0|unused\\d+");
    private static final Pattern SIZE = Pattern.compile("(?:^|,)size=(\\d+(?:\\.\\d+)?)([KMGT]?)");
    /** Progress lines per local disk: enough for a follower to see it move. */
    private static final int CHUNKS = 10;

    private final SimContext ctx;

    MigrateRoutes(SimContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        String base = "/nodes/{node}/qemu/{vmid}/migrate";
        return List.of(
                new Route("GET", base, List.of(CommonParams.NODE, CommonParams.VMID, str("target")), this::precondition),
                new Route("POST", base, List.of(CommonParams.NODE, CommonParams.VMID, str("target").required(),
                        bool("online"), bool("force"), bool("with-local-disks"), bool("with-conntrack-state"),
                        integer("bwlimit").min(0), str("migration_network"),
                        str("migration_type").oneOf("secure", "insecure"), str("targetstorage")), this::migrate));
    }

    private Object precondition(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("running", vm.running ? 1 : 0);
            List<String> allowed = new ArrayList<>();
            Map<String, Object> notAllowed = new LinkedHashMap<>();
            for (SimNode node : ctx.state.nodes.values()) {
                if (node.name.equals(vm.node)) {
                    continue;
                }
                List<String> missing = missingStorages(vm, node);
                if (missing.isEmpty()) {
                    allowed.add(node.name);
                } else {
                    notAllowed.put(node.name, Map.of("unavailable_storages", missing));
                }
            }
            out.put("allowed_nodes", allowed);
            out.put("not_allowed_nodes", notAllowed);
            List<Map<String, Object>> local = new ArrayList<>();
            for (Volume v : volumes(vm)) {
                if (!v.shared) {
                    local.add(Map.of("volid", v.volid, "size", v.bytes, "cdrom", 0, "is_unused", v.key.startsWith("unused") ? 1 : 0));
                }
            }
            out.put("local_disks", local);
            out.put("local_resources", List.of());
            out.put("mapped-resources", vm.config.keySet().stream().filter(k -> k.matches("hostpci\\d+")).toList());
            out.put("has-dbus-vmstate", 1);
            return out;
        }
    }

    private Object migrate(ApiRequest r) {
        synchronized (ctx.state) {
            SimVm vm = ctx.state.vm(r.node(), r.vmid());
            String target = r.get("target");
            if (target.equals(vm.node)) {
                throw PveError.parameter("target", "target is local node.");
            }
            SimNode to = ctx.state.node(target);
            SimContext.checkLock(vm, false);
            if (vm.running) {
                if (!r.flag("online")) {
                    throw PveError.server("can't migrate running VM without --online");
                }
                throw PveError.server("can't live migrate running VM which uses following mapped devices: "
                        + String.join(", ", mappedDevices(vm)) + " (live migration is not simulated)");
            }
            List<String> missing = missingStorages(vm, to);
            if (!missing.isEmpty()) {
                throw PveError.server("storage '" + missing.get(0) + "' is not available on node '" + target + "'");
            }
            String source = vm.node;
            return ctx.tasks.start(source, "qmigrate", String.valueOf(vm.vmid), r.caller(),
                    task -> run(vm, source, to, task), () -> unlock(vm)).upid;
        }
    }

    private void run(SimVm vm, String source, SimNode to, SimTask task) throws InterruptedException {
        long began = System.currentTimeMillis();
        List<Volume> local = new ArrayList<>();
        synchronized (ctx.state) {
            ctx.lockConfig(vm.vmid);
            SimContext.checkLock(vm, false);
            if (vm.running) {
                throw new Tasks.TaskFailure("can't migrate running VM without --online");
            }
            if (!to.online) {
                throw new Tasks.TaskFailure("migration aborted: target node '" + to.name + "' is not online");
            }
            List<String> unmapped = new ArrayList<>();
            for (String key : mappedDevices(vm)) {
                String mapping = VmKeys.HOSTPCI.parse(vm.config.get(key)).get("mapping");
                PciMapping m = mapping == null ? null : ctx.state.mappings.get(mapping);
                if (mapping != null && (m == null || !m.reaches(to.name))) {
                    unmapped.add(key + ":" + mapping);
                }
            }
            if (!unmapped.isEmpty()) {
                throw new Tasks.TaskFailure("can't migrate to '" + to.name + "': missing mapped devices "
                        + String.join(", ", unmapped));
            }
            vm.config.put("lock", "migrate");
            task.log("starting migration of VM " + vm.vmid + " to node '" + to.name + "'");
            for (Volume v : volumes(vm)) {
                if (!v.shared) {
                    local.add(v);
                    task.log("found local disk '" + v.volid + "' (attached)");
                }
            }
            if (mappedDevices(vm).size() > 0) {
                task.log("migrating VM which uses mapped local devices");
            }
            ctx.maybeFailTask("migration");
        }
        SimContext.sleep(ctx.taskMillis());
        if (!local.isEmpty()) {
            task.log("copying local disk images");
        }
        for (Volume v : local) {
            double gib = v.bytes / (double) (1L << 30);
            long millis = Math.round(gib * ctx.migrationMillisPerGiB);
            for (int chunk = 1; chunk <= CHUNKS; chunk++) {
                SimContext.sleep(millis / CHUNKS);
                task.log(String.format(Locale.ROOT, "%s: transferred %.1f GiB of %.1f GiB (%.2f%%)", v.volid,
                        gib * chunk / CHUNKS, gib, 100.0 * chunk / CHUNKS));
            }
        }
        synchronized (ctx.state) {
            vm.node = to.name;
            vm.config.remove("lock");
            long seconds = (System.currentTimeMillis() - began) / 1000;
            task.log(String.format(Locale.ROOT, "migration finished successfully (duration %02d:%02d:%02d)",
                    seconds / 3600, seconds / 60 % 60, seconds % 60));
            ctx.state.recordMigration(vm.vmid, source, to.name);
        }
    }

    private void unlock(SimVm vm) {
        synchronized (ctx.state) {
            if ("migrate".equals(vm.config.get("lock"))) {
                vm.config.remove("lock");
            }
        }
    }

    private static List<String> mappedDevices(SimVm vm) {
        return vm.config.keySet().stream().filter(k -> k.matches("hostpci\\d+")).toList();
    }

    /** Storages of the VM's disks that the target node does not have. */
    private List<String> missingStorages(SimVm vm, SimNode to) {
        List<String> missing = new ArrayList<>();
        for (Volume v : volumes(vm)) {
            String storage = v.volid.substring(0, v.volid.indexOf(':'));
            if (!to.storages.contains(storage) && !missing.contains(storage)) {
                missing.add(storage);
            }
        }
        return missing;
    }

    private List<Volume> volumes(SimVm vm) {
        List<Volume> out = new ArrayList<>();
        vm.config.forEach((key, value) -> {
            if (!DISK_KEY.matcher(key).matches() || value.contains("media=cdrom") || !value.contains(":")) {
                return;
            }
            String volid = value.split(",")[0];
            if (volid.equals("none")) {
                return;
            }
            String storage = volid.substring(0, volid.indexOf(':'));
            out.add(new Volume(key, volid, bytes(value), ctx.state.sharedStorages.contains(storage)));
        });
        return out;
    }

    private static long bytes(String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.find()) {
            return 0;
        }
        double n = Double.parseDouble(m.group(1));
        int shift = switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        return (long) (n * (1L << shift));
    }

    private record Volume(String key, String volid, long bytes, boolean shared) {
    }
}
