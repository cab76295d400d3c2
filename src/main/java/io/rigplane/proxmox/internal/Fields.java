package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ProxmoxUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Lenient reader of one JSON object from Proxmox: numbers may come as strings ({@code "16384"}),
 * booleans as 0/1, any field may be missing. It remembers which keys the typed record took, so that
 * {@link #extra()} keeps every other key and nothing a server sends is lost.
 */
public final class Fields {

    /** Compiled once: every VM of a cluster listing has its tags split. */
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[;,\\s]+");

    private final JsonNode node;
    private final Map<String, @Nullable Object> taken = new LinkedHashMap<>();

    private Fields(JsonNode node) {
        this.node = node;
    }

    public static Fields of(JsonNode node) {
        if (!node.isObject()) {
            throw new ProxmoxUnavailableException(0, "unexpected answer from Proxmox: expected an object, got "
                    + node.getNodeType());
        }
        return new Fields(node);
    }

    public @Nullable String string(String key) {
        JsonNode v = take(key);
        String s = v == null ? null : v.isValueNode() ? v.asString() : v.toString();
        return keep(key, s);
    }

    public String string(String key, String fallback) {
        String s = string(key);
        return s == null ? fallback : s;
    }

    public @Nullable Long longValue(String key) {
        return keep(key, asLong(take(key)));
    }

    public long longValue(String key, long fallback) {
        Long v = longValue(key);
        return v == null ? fallback : v;
    }

    public @Nullable Double decimal(String key) {
        JsonNode v = take(key);
        Double d = null;
        if (v != null && v.isNumber()) {
            d = v.asDouble();
        } else if (v != null && v.isString() && !v.asString().isBlank()) {
            try {
                d = Double.parseDouble(v.asString().trim());
            } catch (NumberFormatException e) {
                d = null;
            }
        }
        return keep(key, d);
    }

    /** 1/0, "1"/"0", true/false, "yes"/"on": Proxmox writes booleans every one of these ways. */
    public boolean bool(String key) {
        JsonNode v = take(key);
        Boolean b = null;
        if (v != null && v.isBoolean()) {
            b = v.booleanValue();
        } else if (v != null && v.isNumber()) {
            b = v.asDouble() != 0;
        } else if (v != null && v.isString()) {
            String s = v.asString().trim().toLowerCase(java.util.Locale.ROOT);
            b = s.equals("1") || s.equals("true") || s.equals("yes") || s.equals("on");
        }
        keep(key, b);
        return b != null && b;
    }

    public @Nullable Instant epochSeconds(String key) {
        Long v = longValue(key);
        return v == null ? null : Instant.ofEpochSecond(v);
    }

    /** Tags as Proxmox writes them: separated by {@code ;}, {@code ,} or spaces. */
    public List<String> tags(String key) {
        String s = string(key);
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return List.copyOf(Arrays.stream(TAG_SEPARATORS.split(s)).filter(t -> !t.isBlank()).toList());
    }

    /** A nested value the record converts itself; it counts as taken. */
    public @Nullable JsonNode node(String key) {
        JsonNode v = take(key);
        return keep(key, v == null ? null : v);
    }

    /** A nested value read without taking it, so it also stays in {@link #extra()}. */
    public @Nullable JsonNode peek(String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** Every key the record did not take, as plain Java values (maps, lists, strings, numbers). */
    public Map<String, Object> extra() {
        Map<String, Object> extra = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!taken.containsKey(e.getKey()) && !e.getValue().isNull()) {
                extra.put(e.getKey(), plain(e.getValue()));
            }
        }
        return java.util.Collections.unmodifiableMap(extra);
    }

    /** Every key with its value as the record took it (for tests that prove nothing is lost). */
    public Map<String, @Nullable Object> taken() {
        return java.util.Collections.unmodifiableMap(taken);
    }

    public JsonNode json() {
        return node;
    }

    public static Object plain(JsonNode v) {
        if (v.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (!e.getValue().isNull()) {
                    m.put(e.getKey(), plain(e.getValue()));
                }
            }
            return m;
        }
        if (v.isArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonNode item : v) {
                l.add(item.isNull() ? "" : plain(item));
            }
            return l;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.asString();
    }

    /** Flat values of a config-like object as strings: numbers and booleans printed as Proxmox stores them. */
    public static String text(JsonNode v) {
        if (v.isIntegralNumber()) {
            return Long.toString(v.asLong());
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "1" : "0";
        }
        return v.isValueNode() ? v.asString() : v.toString();
    }

    public static @Nullable Long asLong(@Nullable JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? v.asLong() : (long) v.asDouble();
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1L : 0L;
        }
        if (v.isString()) {
            String s = v.asString().trim();
            try {
                return s.contains(".") ? (long) Double.parseDouble(s) : Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private @Nullable JsonNode take(String key) {
        JsonNode v = node.get(key);
        taken.putIfAbsent(key, null);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    private <T> @Nullable T keep(String key, @Nullable T value) {
        taken.put(key, value);
        return value;
    }

    /** Each element of an array answer, parsed; an empty list when the answer is not an array. */
    public static <T> List<T> list(JsonNode data, Function<Fields, T> each) {
        List<T> out = new ArrayList<>();
        if (data.isArray()) {
            for (JsonNode item : data) {
                out.add(each.apply(Fields.of(item)));
            }
        }
        return List.copyOf(out);
    }
}
