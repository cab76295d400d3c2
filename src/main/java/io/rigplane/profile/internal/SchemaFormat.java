package io.rigplane.profile.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Proxmox property string format ({@code [file=]<volume>[,cache=<enum>][,size=<size>]…}): the
 * key a bare first value stands for, and each key's rule. For network cards the model names its
 * own key ({@code virtio=BC:24:11:…}).
 */
public final class SchemaFormat {

    private final @Nullable String defaultKey;
    private final Map<String, SchemaParam> keys = new LinkedHashMap<>();
    private final List<String> modelKeys;

    SchemaFormat(@Nullable String defaultKey, List<SchemaParam> keys) {
        this(defaultKey, keys, List.of());
    }

    SchemaFormat(@Nullable String defaultKey, List<SchemaParam> keys, List<String> modelKeys) {
        this.defaultKey = defaultKey;
        keys.forEach(param -> this.keys.put(param.name(), param));
        this.modelKeys = modelKeys;
    }

    @Nullable String defaultKey() {
        return defaultKey;
    }

    Map<String, SchemaParam> keys() {
        return keys;
    }

    /** For network cards: the models, each also a key whose value is the MAC. */
    List<String> modelKeys() {
        return modelKeys;
    }

    /**
     * What is wrong with a value, one message per broken part; empty when it is valid.
     * {@code partial} values (a platform's options for every disk) may leave required keys out,
     * and may not use {@code excluded} keys at all.
     */
    public List<String> check(String value, boolean partial, Set<String> excluded) {
        List<String> problems = new ArrayList<>();
        Map<String, String> parsed = new LinkedHashMap<>();
        String[] items = value.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            if (item.isEmpty()) {
                problems.add("has an empty part (two commas, or a comma at an end)");
                continue;
            }
            int equals = item.indexOf('=');
            String key;
            String part;
            if (equals < 0) {
                if (i > 0 || defaultKey == null) {
                    problems.add("'" + item + "' needs a key=value form");
                    continue;
                }
                key = modelKeys.isEmpty() ? defaultKey : "model";
                part = item;
            } else {
                key = item.substring(0, equals).trim();
                part = item.substring(equals + 1);
                if (modelKeys.contains(key)) {
                    parsed.put("model", key);
                    key = "macaddr";
                }
            }
            if (parsed.containsKey(key)) {
                problems.add(key + " is given twice");
                continue;
            }
            parsed.put(key, part);
        }
        parsed.forEach((key, part) -> {
            SchemaParam param = keys.get(key);
            if (param == null) {
                problems.add(key + " is not an option of this key; options: " + String.join(", ", keys.keySet()));
            } else if (excluded.contains(key)) {
                problems.add(key + " cannot be given here");
            } else {
                String problem = param.check(part);
                if (problem != null) {
                    problems.add(key + " " + problem);
                }
            }
        });
        if (!partial) {
            keys.values().stream().filter(param -> !param.optional() && !parsed.containsKey(param.name()))
                    .forEach(param -> problems.add(param.name() + " is missing"));
        }
        return problems;
    }

    /** The keys and values of a value, without checking them; a bare first value under the default key. */
    Map<String, String> parse(String value) {
        Map<String, String> parsed = new LinkedHashMap<>();
        String[] items = value.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            if (item.isEmpty()) {
                continue;
            }
            int equals = item.indexOf('=');
            if (equals < 0 && i == 0 && defaultKey != null) {
                parsed.put(modelKeys.isEmpty() ? defaultKey : "model", item);
            } else if (equals >= 0) {
                String key = item.substring(0, equals).trim();
                if (modelKeys.contains(key)) {
                    parsed.put("model", key);
                    parsed.put("macaddr", item.substring(equals + 1));
                } else {
                    parsed.put(key, item.substring(equals + 1));
                }
            }
        }
        return parsed;
    }
}
