package io.rigplane.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test controls under {@code /simulator/...} on the API port (JSON in and out, no authentication:
 * the simulator binds to loopback). Each one mirrors a method of {@link ProxmoxSimulator}.
 */
final class ControlEndpoints {
    private final ProxmoxSimulator sim;

    ControlEndpoints(ProxmoxSimulator sim) {
        this.sim = sim;
    }

    HttpReply handle(HttpCall call) {
        List<String> s = call.segments().subList(1, call.segments().size());
        String route = call.method() + " " + String.join("/", s.stream().map(x -> x.matches("\\d+") ? "{id}" : x).toList());
        try {
            Map<String, Object> body = call.body().length == 0 ? Map.of() : Json.readObject(call.bodyText());
            Object result = switch (route) {
                case "POST reset" -> {
                    sim.reset();
                    yield Map.of("reset", true);
                }
                case "GET faults" -> sim.faults().toMap();
                case "POST faults" -> {
                    sim.faults().apply(body);
                    if (body.get("offlineNodes") instanceof List<?> nodes) {
                        nodes.forEach(n -> sim.setNodeOnline(String.valueOf(n), false));
                    }
                    yield sim.faults().toMap();
                }
                case "GET destructive-calls" -> Map.of("count", sim.destructiveCallCount(), "calls", sim.destructiveCalls());
                case "GET task-counts" -> {
                    ProxmoxSimulator.TaskCounts counts = sim.taskCounts();
                    yield Map.of("total", counts.total(), "byVm", counts.byVm());
                }
                case "GET info" -> Map.of("url", sim.url(), "fingerprint", sim.fingerprint(),
                        "wakeOnLanUdpPort", sim.wakeOnLanUdpPort());
                default -> perResource(call, s, route, body);
            };
            return PveServer.json(200, "OK", result);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            return PveServer.json(400, "Bad Request", Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private Object perResource(HttpCall call, List<String> s, String route, Map<String, Object> body) {
        if (s.size() == 3 && s.get(0).equals("nodes") && call.method().equals("POST")
                && (s.get(2).equals("offline") || s.get(2).equals("online"))) {
            sim.setNodeOnline(s.get(1), s.get(2).equals("online"));
            return Map.of("node", s.get(1), "online", s.get(2).equals("online"));
        }
        if (s.size() >= 3 && s.get(0).equals("vms") && s.get(1).matches("\\d+")) {
            int vmid = Integer.parseInt(s.get(1));
            String action = String.join("/", s.subList(2, s.size()));
            if (call.method().equals("GET") && action.equals("stream-host")) {
                return sim.streamHostAddress(vmid);
            }
            if (call.method().equals("POST") && action.equals("clients")) {
                return sim.pairClient(vmid, String.valueOf(body.getOrDefault("name", "moonlight")));
            }
            if (call.method().equals("POST") && action.equals("pair")) {
                return sim.pairWithPin(vmid, String.valueOf(body.get("pin")), String.valueOf(body.get("passphrase")),
                        String.valueOf(body.getOrDefault("name", "artemis")));
            }
            if (call.method().equals("POST") && s.size() == 5 && s.get(2).equals("clients")) {
                if (s.get(4).equals("connect")) {
                    sim.connectClient(vmid, s.get(3));
                } else if (s.get(4).equals("disconnect")) {
                    sim.disconnectClient(vmid, s.get(3));
                } else {
                    throw new IllegalArgumentException("unknown client action " + s.get(4));
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("uuid", s.get(3));
                r.put("connected", s.get(4).equals("connect"));
                return r;
            }
        }
        throw new IllegalArgumentException("unknown control " + route);
    }
}
