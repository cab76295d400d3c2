package io.rigplane.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request pipeline of {@code /api2/json}: latency and error faults, authentication (token or
 * ticket with CSRF), routing, parameter verification, root-only options, node reachability, and the
 * {@code {"data": …}} envelope. {@code /simulator/...} goes to the test controls.
 */
final class PveServer implements HttpListener.Handler {
    private static final String PREFIX = "/api2/json";

    private final SimContext ctx;
    private final Auth auth;
    private final List<Route> routes = new ArrayList<>();
    private final ControlEndpoints controls;

    PveServer(SimContext ctx, Auth auth, ControlEndpoints controls) {
        this.ctx = ctx;
        this.auth = auth;
        this.controls = controls;
        PowerRoutes power = new PowerRoutes(ctx);
        routes.addAll(new ClusterRoutes(ctx, auth).routes());
        routes.addAll(new NodeRoutes(ctx, power).routes());
        routes.addAll(new VmRoutes(ctx, power).routes());
        routes.addAll(power.routes());
        routes.addAll(new MigrateRoutes(ctx).routes());
        routes.addAll(new SnapshotRoutes(ctx, power).routes());
        routes.addAll(new TaskRoutes(ctx).routes());
    }

    List<Route> routes() {
        return routes;
    }

    @Override
    public HttpReply handle(HttpCall call) {
        if (call.rawPath().startsWith("/simulator/")) {
            return controls.handle(call);
        }
        try {
            return json(200, "OK", envelope(serve(call))).withBodyStall(ctx.faults.bodyStallMillis());
        } catch (PveError e) {
            return error(e);
        }
    }

    private Object serve(HttpCall call) {
        if (!call.rawPath().startsWith(PREFIX + "/")) {
            throw new PveError(501, "Method '" + call.method() + " " + call.rawPath() + "' not implemented", null);
        }
        List<String> segments = call.segments().subList(2, call.segments().size());
        String path = "/" + String.join("/", segments);
        Route route = null;
        Map<String, String> vars = null;
        for (Route r : routes) {
            if (r.method().equals(call.method())) {
                vars = r.match(segments);
                if (vars != null) {
                    route = r;
                    break;
                }
            }
        }
        if (route == null) {
            throw new PveError(501, "Method '" + call.method() + " " + PREFIX + path + "' not implemented", null);
        }
        sleepLatency();
        Caller caller = route.template().equals("/access/ticket") ? null : auth.authenticate(call);
        Map<String, List<String>> params = parameters(call);
        vars.forEach((k, v) -> params.put(k, List.of(v)));
        verify(route, params);
        ApiRequest request = new ApiRequest(call.method(), path, params, caller);
        RootOnly.checkCallParameters(request);
        checkNodeReachable(route, request);
        if (ctx.faults.roll(ctx.faults.errorRate())) {
            int status = ctx.faults.errorStatus();
            throw new PveError(status, status == 596 ? "Connection timed out"
                    : "simulated server error (fault injection)", null);
        }
        return route.handler().handle(request);
    }

    private void sleepLatency() {
        long latency = ctx.faults.latencyMillis();
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkNodeReachable(Route route, ApiRequest request) {
        String node = request.node();
        if (node == null || route.template().endsWith("/wakeonlan")) {
            return;
        }
        synchronized (ctx.state) {
            SimNode n = ctx.state.nodes.get(node);
            if (n == null) {
                throw PveError.server("hostname lookup '" + node + "' failed - failed to get address info for: "
                        + node + ": Name or service not known");
            }
            if (!n.online) {
                throw new PveError(595, "No route to host", null);
            }
        }
    }

    static Map<String, List<String>> parameters(HttpCall call) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        parseForm(call.rawQuery(), params);
        if (call.body().length > 0 && (call.method().equals("POST") || call.method().equals("PUT"))) {
            String type = call.header("content-type");
            if (type != null && type.startsWith("application/json")) {
                Map<String, Object> json;
                try {
                    json = Json.readObject(call.bodyText());
                } catch (RuntimeException e) {
                    throw new PveError(400, "Parameter verification failed.", Map.of("body", "invalid JSON"));
                }
                json.forEach((k, v) -> params.put(k, jsonValues(v)));
            } else {
                parseForm(call.bodyText(), params);
            }
        }
        return params;
    }

    private static List<String> jsonValues(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.forEach(item -> out.add(scalar(item)));
        } else {
            out.add(scalar(v));
        }
        return out;
    }

    private static String scalar(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return Json.write(v);
        }
        return String.valueOf(v);
    }

    private static void parseForm(String text, Map<String, List<String>> params) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
    }

    /** Proxmox's JSON-schema check: unknown, missing, badly typed and badly formatted parameters. */
    static void verify(Route route, Map<String, List<String>> params) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            Param p = route.param(e.getKey());
            if (p == null) {
                errors.put(e.getKey(), "property is not defined in schema and the schema does not allow additional properties");
                continue;
            }
            if (p.type() != Param.Type.ARRAY && e.getValue().size() > 1) {
                errors.put(e.getKey(), "property is not an array, but got multiple values");
                continue;
            }
            for (String value : e.getValue()) {
                String msg = p.check(e.getKey(), value);
                if (msg != null) {
                    errors.put(e.getKey(), msg);
                }
            }
        }
        for (Param p : route.params()) {
            if (!p.optional() && p.indexCount() == 0 && !params.containsKey(p.name())) {
                errors.put(p.name(), "property is missing and it is not optional");
            }
        }
        if (!errors.isEmpty()) {
            throw PveError.parameters(errors);
        }
    }

    private static Map<String, Object> envelope(Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (result instanceof Route.WithAttributes w) {
            body.put("data", w.data());
            body.putAll(w.attributes());
        } else {
            body.put("data", result);
        }
        return body;
    }

    private HttpReply error(PveError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", null);
        String message = e.getMessage();
        if (e.status() == 401) {
            auth.delayFailure();
        } else {
            body.put("message", message.endsWith("\n") ? message : message + "\n");
        }
        if (e.errors() != null) {
            body.put("errors", e.errors());
        }
        // pve-http-server sets keep_alive to 0 for every status >= 400: the connection ends after it
        return json(e.status(), message, body).withHeader("Connection", "close");
    }

    static HttpReply json(int status, String reason, Object body) {
        return HttpReply.of(status, reason, "application/json;charset=UTF-8", Json.write(body));
    }
}
