package io.rigplane.simulator;

import static io.rigplane.simulator.Param.bool;
import static io.rigplane.simulator.Param.integer;
import static io.rigplane.simulator.Param.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /nodes/{node}/tasks: list, status, log, stop. */
final class TaskRoutes {
    private final SimContext ctx;

    TaskRoutes(SimContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        Param node = CommonParams.NODE;
        Param upid = CommonParams.UPID;
        String base = "/nodes/{node}/tasks";
        return List.of(
                new Route("GET", base, List.of(node, bool("errors"), integer("limit").min(0), integer("since"),
                        str("source").oneOf("archive", "active", "all"), integer("start").min(0), str("statusfilter"),
                        str("typefilter"), integer("until"), str("userfilter"), integer("vmid").range(100L, 999_999_999L)), this::list),
                new Route("GET", base + "/{upid}", List.of(node, upid), r -> {
                    find(r);
                    return List.of(Map.of("name", "log"), Map.of("name", "status"));
                }),
                new Route("GET", base + "/{upid}/status", List.of(node, upid), r -> status(find(r))),
                new Route("GET", base + "/{upid}/log", List.of(node, upid, bool("download"), integer("limit").min(0),
                        integer("start").min(0)), this::log),
                new Route("DELETE", base + "/{upid}", List.of(node, upid), r -> {
                    ctx.tasks.stop(find(r));
                    return null;
                }));
    }

    private SimTask find(ApiRequest r) {
        SimTask t = ctx.tasks.find(r.get("upid"));
        if (t == null || !t.node.equals(r.node())) {
            if (!r.get("upid").startsWith("UPID:")) {
                throw PveError.parameter("upid", "unable to parse worker upid '" + r.get("upid") + "'");
            }
            throw PveError.server("no such task");
        }
        return t;
    }

    static Map<String, Object> status(SimTask t) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("upid", t.upid);
        s.put("node", t.node);
        s.put("pid", t.pid);
        s.put("pstart", t.pstart);
        s.put("starttime", t.starttime);
        s.put("type", t.type);
        s.put("id", t.id);
        s.put("user", t.user);
        if (t.tokenid != null) {
            s.put("tokenid", t.tokenid);
        }
        s.put("status", t.running() ? "running" : "stopped");
        if (!t.running()) {
            s.put("exitstatus", t.exitstatus());
        }
        return s;
    }

    private Object list(ApiRequest r) {
        String source = r.get("source", "archive");
        String vmid = r.get("vmid");
        String type = r.get("typefilter");
        boolean errorsOnly = r.flag("errors");
        int start = r.integer("start", 0);
        int limit = r.integer("limit", 50);
        List<Map<String, Object>> out = new ArrayList<>();
        List<SimTask> all = ctx.tasks.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            SimTask t = all.get(i);
            boolean active = t.running();
            if (!t.node.equals(r.node()) || (source.equals("archive") && active) || (source.equals("active") && !active)
                    || (vmid != null && !vmid.equals(t.id)) || (type != null && !type.equals(t.type))
                    || (errorsOnly && (active || t.exitstatus().equals("OK")))) {
                continue;
            }
            Map<String, Object> e = status(t);
            e.remove("exitstatus");
            e.remove("status");
            if (!active) {
                e.put("status", t.exitstatus());
                e.put("endtime", t.endtime());
            }
            out.add(e);
        }
        int from = Math.min(start, out.size());
        int to = limit == 0 ? out.size() : Math.min(out.size(), from + limit);
        return new Route.WithAttributes(out.subList(from, to), Map.of("total", out.size()));
    }

    private Object log(ApiRequest r) {
        SimTask t = find(r);
        List<String> lines = t.lines();
        int start = r.integer("start", 0);
        int limit = r.integer("limit", 50);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = start; i < lines.size() && (limit == 0 || out.size() < limit); i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("n", i + 1);
            line.put("t", lines.get(i));
            out.add(line);
        }
        if (out.isEmpty() && lines.isEmpty()) {
            out.add(Map.of("n", 1, "t", "no content"));
        }
        return new Route.WithAttributes(out, Map.of("total", lines.size()));
    }
}
