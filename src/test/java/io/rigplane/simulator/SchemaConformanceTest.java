package io.rigplane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.ReferenceData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/**
 * Walks pve-apidata-relevant.json: every path/method the simulator serves must accept the schema's
 * parameters (name, type, optional/required, property-string keys) and answer the schema's fields
 * (names, JSON types, required ones present). Prints what is not covered and the counts.
 */
class SchemaConformanceTest extends SimulatorTestBase {

    /** Fields the real server sends that the schema does not list (domain.md and the captured samples). */
    private static final Map<String, Set<String>> KNOWN_EXTRAS = Map.of(
            "GET /nodes", Set.of("id", "type", "disk", "maxdisk"),
            "GET /nodes/{node}/status", Set.of("uptime", "wait", "idle", "swap", "ksm", "kversion"),
            "GET /nodes/{node}/qemu/{vmid}/snapshot", Set.of("snapstate", "running", "digest"),
            "GET /nodes/{node}/tasks/{upid}/status", Set.of("tokenid"),
            "GET /nodes/{node}/tasks", Set.of("tokenid"),
            "GET /nodes/{node}/qemu", Set.of("disk"),
            "GET /nodes/{node}/qemu/{vmid}/status/current", Set.of("disk", "shares", "freemem", "balloon", "ballooninfo",
                    "blockstat", "nics", "proxmox-support"),
            "POST /access/ticket", Set.of("cap"));

    private final List<String> problems = new ArrayList<>();
    private final List<String> notCovered = new ArrayList<>();
    private int endpoints;
    private int served;
    private int paramsChecked;
    private int formatKeysChecked;
    private int fieldsChecked;

    @Test
    @SuppressWarnings("unchecked")
    void servedEndpointsMatchTheSchema() throws Exception {
        String text = Files.readString(ReferenceData.require("proxmox/pve-apidata-relevant.json"));
        List<Map<String, Object>> schema = Json.MAPPER.readValue(text, new TypeReference<List<Map<String, Object>>>() { });
        Map<String, String> samples = prepareSampleValues();
        for (Map<String, Object> node : schema) {
            String path = (String) node.get("path");
            Map<String, Object> info = (Map<String, Object>) node.get("info");
            for (Map.Entry<String, Object> m : info.entrySet()) {
                endpoints++;
                String method = m.getKey();
                Route route = sim.routes().stream().filter(r -> r.method().equals(method) && r.template().equals(path))
                        .findFirst().orElse(null);
                if (route == null) {
                    notCovered.add(method + " " + path + ": not served");
                    continue;
                }
                served++;
                Map<String, Object> spec = (Map<String, Object>) m.getValue();
                Map<String, Object> params = (Map<String, Object>) ((Map<String, Object>) spec.getOrDefault("parameters",
                        Map.of())).getOrDefault("properties", Map.of());
                checkParameters(method + " " + path, route, params);
                Map<String, Object> returns = (Map<String, Object>) spec.getOrDefault("returns", Map.of());
                if (method.equals("GET")) {
                    checkFields(method + " " + path, returns, live(path, samples));
                } else {
                    notCovered.add(method + " " + path + ": answer fields checked by the behaviour tests, not here");
                }
            }
        }
        System.out.printf("schema conformance: %d endpoints in the schema, %d served, %d parameters checked, "
                + "%d property-string keys checked, %d answer fields checked%n", endpoints, served, paramsChecked,
                formatKeysChecked, fieldsChecked);
        notCovered.forEach(n -> System.out.println("  not covered: " + n));
        problems.forEach(p -> System.out.println("  MISMATCH: " + p));
        assertThat(problems).isEmpty();
        assertThat(served).isEqualTo(endpoints);
        assertThat(paramsChecked).isGreaterThan(300);
        assertThat(fieldsChecked).isGreaterThan(100);
    }

    /** Endpoints third-party clients read (Ansible's inventory plugin) beyond those Rigplane uses. */
    @Test
    @SuppressWarnings("unchecked")
    void inventoryEndpointsMatchTheFullSchema() throws Exception {
        List<Map<String, Object>> schema = Json.MAPPER.readValue(Files.readString(
                ReferenceData.require("proxmox/pve-apidata.json")), new TypeReference<List<Map<String, Object>>>() { });
        int before = fieldsChecked;
        Map<String, Map<String, Object>> byPath = new LinkedHashMap<>();
        List<Map<String, Object>> todo = new ArrayList<>(schema);
        while (!todo.isEmpty()) {
            Map<String, Object> node = todo.remove(todo.size() - 1);
            byPath.put((String) node.get("path"), node);
            todo.addAll((List<Map<String, Object>>) node.getOrDefault("children", List.of()));
        }
        for (String path : List.of("/cluster/status", "/pools", "/nodes/{node}/lxc")) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) byPath.get(path).get("info")).get("GET");
            Route route = sim.routes().stream().filter(r -> r.method().equals("GET") && r.template().equals(path))
                    .findFirst().orElseThrow(() -> new AssertionError("GET " + path + " is not served"));
            checkParameters("GET " + path, route, (Map<String, Object>) ((Map<String, Object>) get.getOrDefault(
                    "parameters", Map.of())).getOrDefault("properties", Map.of()));
            checkFields("GET " + path, (Map<String, Object>) get.get("returns"),
                    live(path, Map.of("node", "srv02")));
        }
        problems.forEach(p -> System.out.println("  MISMATCH: " + p));
        assertThat(problems).isEmpty();
        assertThat(fieldsChecked).as("cluster entry and two nodes").isEqualTo(before + 6 + 2 * 8);
    }

    private Map<String, String> prepareSampleValues() {
        api.runTask(api.post(vmPath(100) + "/snapshot", "snapname", "conformance"), "OK");
        String upid = (String) api.post(vmPath(100) + "/status/start").data();
        api.waitTask(upid);
        PveTestClient.eventually(3000, "guest agent", () -> api.post(vmPath(100) + "/agent/ping").status() == 200);
        api.runTask(api.put(vmPath(100) + "/config", "cores", 4).status() == 200 ? api.post(vmPath(100) + "/config",
                "sockets", 1) : null, "OK");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("node", "srv02");
        values.put("vmid", "100");
        values.put("snapname", "conformance");
        values.put("upid", URLEncoder.encode(upid, StandardCharsets.UTF_8));
        values.put("id", "rtx3070");
        return values;
    }

    private Object live(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        PveTestClient.Reply r = api.get(path);
        if (r.status() != 200) {
            problems.add("GET " + template + " answered " + r.status() + " " + r.body());
            return null;
        }
        return r.data();
    }

    @SuppressWarnings("unchecked")
    private void checkParameters(String endpoint, Route route, Map<String, Object> params) {
        Set<String> simNames = new TreeSet<>();
        route.params().forEach(p -> simNames.add(p.schemaName()));
        for (Map.Entry<String, Object> e : params.entrySet()) {
            String name = e.getKey();
            Map<String, Object> p = (Map<String, Object>) e.getValue();
            paramsChecked++;
            Param mine = route.params().stream().filter(x -> x.schemaName().equals(name)).findFirst().orElse(null);
            if (mine == null) {
                problems.add(endpoint + ": parameter '" + name + "' not accepted");
                continue;
            }
            simNames.remove(name);
            String type = (String) p.get("type");
            if (!type.equals(mine.type().name().toLowerCase())) {
                problems.add(endpoint + ": parameter '" + name + "' is " + type + " in the schema, " + mine.type() + " here");
            }
            boolean optional = isTrue(p.get("optional"));
            if (optional != mine.optional()) {
                problems.add(endpoint + ": parameter '" + name + "' optional=" + optional + " in the schema");
            }
            if (p.get("enum") instanceof List<?> values && mine.enumValues() != null
                    && !new TreeSet<>(values).equals(new TreeSet<>(mine.enumValues()))) {
                problems.add(endpoint + ": parameter '" + name + "' enum differs: " + values + " vs " + mine.enumValues());
            }
            if (p.get("format") instanceof Map<?, ?> format) {
                checkFormat(endpoint, name, (Map<String, Object>) format, mine);
            }
        }
        if (!simNames.isEmpty()) {
            problems.add(endpoint + ": accepts parameters the schema does not have: " + simNames);
        }
    }

    @SuppressWarnings("unchecked")
    private void checkFormat(String endpoint, String name, Map<String, Object> format, Param mine) {
        if (mine.format() == null) {
            notCovered.add(endpoint + ": property string '" + name + "' accepted as free text (keys not checked)");
            return;
        }
        Set<String> schemaKeys = new TreeSet<>();
        for (Map.Entry<String, Object> k : format.entrySet()) {
            Map<String, Object> def = (Map<String, Object>) k.getValue();
            if (def.containsKey("alias")) {
                continue;
            }
            schemaKeys.add(k.getKey());
            formatKeysChecked++;
            Param key = mine.format().keys().get(k.getKey());
            if (key == null) {
                problems.add(endpoint + ": " + name + "." + k.getKey() + " not known");
                continue;
            }
            if (!String.valueOf(def.get("type")).equals(key.type().name().toLowerCase())) {
                problems.add(endpoint + ": " + name + "." + k.getKey() + " is " + def.get("type") + " in the schema");
            }
            if (isTrue(def.get("default_key")) && !k.getKey().equals(mine.format().defaultKey())) {
                problems.add(endpoint + ": " + name + " default key is " + k.getKey() + " in the schema");
            }
        }
        Set<String> extra = new TreeSet<>(mine.format().keys().keySet());
        extra.removeAll(schemaKeys);
        if (!extra.isEmpty()) {
            problems.add(endpoint + ": " + name + " has keys the schema does not: " + extra);
        }
    }

    @SuppressWarnings("unchecked")
    private void checkFields(String endpoint, Map<String, Object> returns, Object data) {
        if (data == null) {
            return;
        }
        String type = (String) returns.get("type");
        Map<String, Object> props;
        List<Map<String, Object>> items = new ArrayList<>();
        if ("array".equals(type)) {
            Map<String, Object> itemSpec = (Map<String, Object>) returns.getOrDefault("items", Map.of());
            props = (Map<String, Object>) itemSpec.getOrDefault("properties", Map.of());
            assertThat(data).as(endpoint).isInstanceOf(List.class);
            for (Object o : (List<Object>) data) {
                if (o instanceof Map<?, ?> m) {
                    items.add((Map<String, Object>) m);
                }
            }
        } else if ("object".equals(type)) {
            props = (Map<String, Object>) returns.getOrDefault("properties", Map.of());
            items.add((Map<String, Object>) data);
        } else {
            fieldsChecked++;
            if (endpoint.equals("GET /cluster/nextid") && data instanceof String id && id.matches("\\d+")) {
                // the real server answers the number as a string (samples/README.md, checked in its code)
                return;
            }
            if (!typeMatches(type, data)) {
                problems.add(endpoint + ": answer is " + data.getClass().getSimpleName() + ", schema says " + type);
            }
            return;
        }
        if (props.isEmpty()) {
            notCovered.add(endpoint + ": schema lists no fields for this answer (directory index or free object)");
            return;
        }
        Set<String> extrasAllowed = KNOWN_EXTRAS.getOrDefault(endpoint, Set.of());
        for (Map<String, Object> item : items) {
            for (Map.Entry<String, Object> f : item.entrySet()) {
                fieldsChecked++;
                Map<String, Object> def = findProperty(props, f.getKey());
                if (def == null) {
                    if (!extrasAllowed.contains(f.getKey())) {
                        problems.add(endpoint + ": field '" + f.getKey() + "' is not in the schema");
                    }
                    continue;
                }
                if (f.getValue() != null && !typeMatches((String) def.get("type"), f.getValue())) {
                    problems.add(endpoint + ": field '" + f.getKey() + "' = " + f.getValue() + " is not " + def.get("type"));
                }
            }
            for (Map.Entry<String, Object> p : props.entrySet()) {
                Map<String, Object> def = (Map<String, Object>) p.getValue();
                if (!isTrue(def.get("optional")) && !p.getKey().contains("[n]") && !item.containsKey(p.getKey())
                        && !(endpoint.endsWith("/snapshot") && "current".equals(item.get("name")))) {
                    problems.add(endpoint + ": required field '" + p.getKey() + "' missing");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> findProperty(Map<String, Object> props, String key) {
        if (props.containsKey(key)) {
            return (Map<String, Object>) props.get(key);
        }
        String base = key.replaceAll("\\d+$", "");
        return (Map<String, Object>) props.get(base + "[n]");
    }

    private static boolean typeMatches(String type, Object value) {
        if (type == null) {
            return true;
        }
        return switch (type) {
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            // Proxmox booleans travel as 0/1
            case "boolean" -> value instanceof Boolean || (value instanceof Number n && (n.intValue() == 0 || n.intValue() == 1));
            case "string" -> value instanceof String;
            case "array" -> value instanceof List;
            case "object" -> value instanceof Map;
            case "null" -> value == null;
            default -> true;
        };
    }

    private static boolean isTrue(Object v) {
        return v != null && (v.equals(1) || v.equals(Boolean.TRUE) || "1".equals(v));
    }
}
