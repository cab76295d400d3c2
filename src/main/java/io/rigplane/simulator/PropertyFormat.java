package io.rigplane.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Proxmox VE property string ({@code local-zfs:vm-100-disk-0,cache=none,size=200G}): parsed,
 * checked key by key, and printed the way Proxmox prints it, default key first, then the rest sorted.
 */
final class PropertyFormat {

    private final String defaultKey;
    private final Map<String, Param> keys = new LinkedHashMap<>();
    /** For net[n]: a model name used as key whose value is the MAC ({@code virtio=BC:24:11:..}). */
    private final List<String> modelKeys;

    PropertyFormat(String defaultKey, List<Param> keys) {
        this(defaultKey, keys, List.of());
    }

    PropertyFormat(String defaultKey, List<Param> keys, List<String> modelKeys) {
        this.defaultKey = defaultKey;
        keys.forEach(p -> this.keys.put(p.name(), p));
        this.modelKeys = modelKeys;
    }

    String defaultKey() {
        return defaultKey;
    }

    Map<String, Param> keys() {
        return keys;
    }

    /** Parses without checking values; throws IllegalArgumentException with Proxmox's wording on structure errors. */
    Map<String, String> parse(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : splitItems(value)) {
            int eq = item.indexOf('=');
            String k;
            String v;
            if (eq < 0) {
                if (defaultKey == null) {
                    throw new IllegalArgumentException("value without key, but schema does not define a default key");
                }
                k = defaultKey;
                v = item;
            } else {
                k = item.substring(0, eq).trim();
                v = item.substring(eq + 1);
            }
            if (modelKeys.contains(k)) {
                out.put("model", k);
                out.put("macaddr", v);
                continue;
            }
            if (out.containsKey(k)) {
                throw new IllegalArgumentException("duplicate key in comma-separated list property: " + k);
            }
            out.put(k, v);
        }
        return out;
    }

    private static List<String> splitItems(String value) {
        List<String> items = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isEmpty()) {
                items.add(s);
            }
        }
        return items;
    }

    /** Returns null when valid, otherwise the message Proxmox VE gives for the whole parameter. */
    String check(String param, String value) {
        Map<String, String> parsed;
        try {
            parsed = parse(value);
        } catch (IllegalArgumentException e) {
            return "invalid format - " + e.getMessage() + "\n";
        }
        StringBuilder errors = new StringBuilder();
        for (Map.Entry<String, String> e : parsed.entrySet()) {
            Param p = keys.get(e.getKey());
            String msg = p == null
                    ? "property is not defined in schema and the schema does not allow additional properties"
                    : p.check(e.getKey(), e.getValue());
            if (msg != null) {
                errors.append(param).append('.').append(e.getKey()).append(": ").append(msg).append('\n');
            }
        }
        for (Param p : keys.values()) {
            if (!p.optional() && !parsed.containsKey(p.name())) {
                errors.append(param).append('.').append(p.name()).append(": property is missing and it is not optional\n");
            }
        }
        return errors.length() == 0 ? null : "invalid format - format error\n" + errors;
    }

    /** Prints default key first (bare value; for NICs as model=MAC), then the other keys sorted. */
    String print(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> rest = new TreeMap<>(values);
        if (!modelKeys.isEmpty() && rest.containsKey("model")) {
            String model = rest.remove("model");
            String mac = rest.remove("macaddr");
            sb.append(mac == null ? model : model + "=" + mac);
        } else if (defaultKey != null && rest.containsKey(defaultKey)) {
            sb.append(rest.remove(defaultKey));
        }
        rest.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }
}
