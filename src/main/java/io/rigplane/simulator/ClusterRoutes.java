package io.rigplane.simulator;

import static io.rigplane.simulator.Param.array;
import static io.rigplane.simulator.Param.bool;
import static io.rigplane.simulator.Param.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /version, /access/ticket and /cluster/...: resources, nextid and the PCI mappings. */
final class ClusterRoutes {
    private static final Param MAPPING_ID = str("id").required().pattern("[a-zA-Z][a-zA-Z0-9_-]+").maxLength(128);

    private final SimContext ctx;
    private final Auth auth;

    ClusterRoutes(SimContext ctx, Auth auth) {
        this.ctx = ctx;
        this.auth = auth;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/version", List.of(), r -> Map.of("version", "9.1.2", "release", "9.1",
                        "repoid", "3f1c2a9e0b7d4c15", "console", "xtermjs")),
                new Route("GET", "/access/ticket", List.of(), r -> null),
                new Route("POST", "/access/ticket", List.of(str("username").required().maxLength(64),
                        str("password").required(), str("realm"), str("otp"), str("path"), str("privs"),
                        str("tfa-challenge"), bool("new-format")),
                        r -> auth.login(r.get("username"), r.get("realm"), r.get("password"))),
                new Route("GET", "/cluster/resources", List.of(str("type").oneOf("vm", "storage", "node", "sdn")),
                        this::resources),
                new Route("GET", "/cluster/status", List.of(), r -> status()),
                // no pools are configured: the list is empty and a named pool does not exist (pve-manager Pool.pm)
                new Route("GET", "/pools", List.of(str("poolid").pattern("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+){0,2}"),
                        str("type").oneOf("qemu", "lxc", "storage")), r -> {
                            if (r.get("poolid") != null) {
                                throw PveError.server("pool '" + r.get("poolid") + "' does not exist");
                            }
                            return List.of();
                        }),
                new Route("GET", "/cluster/nextid", List.of(Param.integer("vmid").range(100L, 999_999_999L)), this::nextId),
                new Route("GET", "/cluster/mapping/pci", List.of(str("check-node")), this::mappings),
                new Route("POST", "/cluster/mapping/pci", List.of(MAPPING_ID, str("description").maxLength(4096),
                        bool("live-migration-capable"), array("map").required(), bool("mdev")), this::createMapping),
                new Route("GET", "/cluster/mapping/pci/{id}", List.of(MAPPING_ID), this::mapping),
                new Route("PUT", "/cluster/mapping/pci/{id}", List.of(MAPPING_ID, str("delete"),
                        str("description").maxLength(4096), CommonParams.DIGEST, bool("live-migration-capable"),
                        array("map"), bool("mdev")), this::updateMapping),
                new Route("DELETE", "/cluster/mapping/pci/{id}", List.of(MAPPING_ID), this::deleteMapping));
    }

    private Object resources(ApiRequest r) {
        String type = r.get("type");
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (ctx.state) {
            for (SimNode n : ctx.state.nodes.values()) {
                if (type == null || type.equals("node")) {
                    Map<String, Object> e = NodeRoutes.nodeEntry(n, ctx.fingerprint);
                    e.remove("ssl_fingerprint");
                    e.put("cgroup-mode", 2);
                    out.add(e);
                }
                if (type == null || type.equals("storage")) {
                    for (String storage : n.storages) {
                        Map<String, Object> s = new LinkedHashMap<>();
                        s.put("id", "storage/" + n.name + "/" + storage);
                        s.put("type", "storage");
                        s.put("node", n.name);
                        s.put("storage", storage);
                        s.put("status", n.online ? "available" : "unknown");
                        boolean shared = ctx.state.sharedStorages.contains(storage);
                        s.put("plugintype", storage.equals("local") ? "dir" : shared ? "rbd" : "zfspool");
                        s.put("content", storage.equals("local") ? "iso,vztmpl,backup" : "images,rootdir");
                        s.put("shared", shared ? 1 : 0);
                        s.put("disk", 0L);
                        s.put("maxdisk", 1L << 40);
                        out.add(s);
                    }
                }
            }
            if (type == null || type.equals("vm")) {
                for (SimVm vm : ctx.state.vms.values()) {
                    Map<String, Object> v = VmRoutes.listEntry(vm, false);
                    v.put("id", "qemu/" + vm.vmid);
                    v.put("type", "qemu");
                    v.put("node", vm.node);
                    v.put("template", 0);
                    v.put("maxcpu", v.remove("cpus"));
                    v.remove("pid");
                    if (!ctx.state.nodes.get(vm.node).online) {
                        v.put("status", "unknown");
                    }
                    out.add(v);
                }
            }
        }
        return out;
    }

    /**
     * pve-manager's cluster status: the cluster entry, then one entry per corosync member; the
     * first node is the one answering ({@code local}).
     */
    private List<Map<String, Object>> status() {
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (ctx.state) {
            Map<String, Object> cluster = new LinkedHashMap<>();
            cluster.put("type", "cluster");
            cluster.put("id", "cluster");
            cluster.put("nodes", ctx.state.nodes.size());
            cluster.put("version", ctx.state.nodes.size() * 2);
            cluster.put("name", Auth.CLUSTER_NAME);
            long online = ctx.state.nodes.values().stream().filter(n -> n.online).count();
            cluster.put("quorate", online * 2 > ctx.state.nodes.size() ? 1 : 0);
            out.add(cluster);
            int nodeid = 0;
            for (SimNode n : ctx.state.nodes.values()) {
                nodeid++;
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("type", "node");
                e.put("id", "node/" + n.name);
                e.put("name", n.name);
                e.put("nodeid", nodeid);
                e.put("local", nodeid == 1 ? 1 : 0);
                e.put("online", n.online ? 1 : 0);
                e.put("ip", "192.0.2." + (10 + nodeid));
                e.put("level", "");
                out.add(e);
            }
        }
        return out;
    }

    private Object nextId(ApiRequest r) {
        synchronized (ctx.state) {
            String wanted = r.get("vmid");
            if (wanted != null) {
                int id = Integer.parseInt(wanted);
                if (ctx.state.vms.containsKey(id)) {
                    throw PveError.parameter("vmid", "VM " + id + " already exists");
                }
                return String.valueOf(id);
            }
            // the real server answers the number as a string
            return String.valueOf(ctx.state.nextFreeVmid());
        }
    }

    private Object mappings(ApiRequest r) {
        String checkNode = r.get("check-node");
        synchronized (ctx.state) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (PciMapping m : ctx.state.mappings.values()) {
                Map<String, Object> e = mappingEntry(m);
                if (checkNode != null) {
                    List<Map<String, Object>> checks = new ArrayList<>();
                    if (!m.reaches(checkNode)) {
                        checks.add(Map.of("severity", "warning", "message", "No mapping for node: " + checkNode));
                    }
                    e.put("checks", checks);
                }
                out.add(e);
            }
            return out;
        }
    }

    private static Map<String, Object> mappingEntry(PciMapping m) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", m.id);
        e.put("description", m.description == null ? "" : m.description);
        e.put("map", new ArrayList<>(m.entries));
        return e;
    }

    private Object mapping(ApiRequest r) {
        synchronized (ctx.state) {
            PciMapping m = ctx.state.mappings.get(r.get("id"));
            if (m == null) {
                throw PveError.server("PCI mapping '" + r.get("id") + "' not found");
            }
            Map<String, Object> e = mappingEntry(m);
            e.put("digest", Integer.toHexString(e.hashCode()));
            return e;
        }
    }

    private Object createMapping(ApiRequest r) {
        synchronized (ctx.state) {
            String id = r.get("id");
            if (ctx.state.mappings.containsKey(id)) {
                throw PveError.server("pci ID '" + id + "' already defined");
            }
            PciMapping m = new PciMapping(id, r.get("description"));
            putEntries(m, r.params().get("map"));
            ctx.state.mappings.put(id, m);
            return null;
        }
    }

    private Object updateMapping(ApiRequest r) {
        synchronized (ctx.state) {
            PciMapping m = ctx.state.mappings.get(r.get("id"));
            if (m == null) {
                throw PveError.server("PCI mapping '" + r.get("id") + "' not found");
            }
            if (r.get("description") != null) {
                m.description = r.get("description");
            }
            if (r.params().containsKey("map")) {
                m.entries.clear();
                putEntries(m, r.params().get("map"));
            }
            return null;
        }
    }

    private static void putEntries(PciMapping m, List<String> entries) {
        for (String entry : entries) {
            String node = null;
            for (String part : entry.split(",")) {
                if (part.startsWith("node=")) {
                    node = part.substring(5);
                }
            }
            if (node == null || !entry.contains("path=")) {
                throw PveError.parameter("map", "invalid format - missing 'node' or 'path'");
            }
            // several devices on one node are alternatives: a start takes the first free one
            m.entries.add(entry);
        }
    }

    private Object deleteMapping(ApiRequest r) {
        synchronized (ctx.state) {
            if (ctx.state.mappings.remove(r.get("id")) == null) {
                throw PveError.server("PCI mapping '" + r.get("id") + "' not found");
            }
            return null;
        }
    }
}
