package io.rigplane.terraform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One export in progress: the Proxmox keys not mapped yet, the attributes written so far (nested
 * blocks as lists of objects, as {@code terraform show -json} has them) and what could not be
 * carried.
 */
final class ExportContext {

    private final Map<String, String> remaining;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final List<UnmappedSetting> unmapped = new ArrayList<>();

    ExportContext(Map<String, String> config) {
        this.remaining = new TreeMap<>(config);
    }

    /** Removes a key from what is left to map and returns its value. */
    @Nullable String take(String key) {
        return remaining.remove(key);
    }

    @Nullable String peek(String key) {
        return remaining.get(key);
    }

    /** Removes every key matching {@code prefix + number}, ordered by the number. */
    Map<String, String> takeNumbered(String prefix) {
        Pattern pattern = Pattern.compile("^" + Pattern.quote(prefix) + "\\d+$");
        Map<String, String> taken = new TreeMap<>(Comparator.comparingInt(key -> number(prefix, key)));
        remaining.keySet().stream().filter(key -> pattern.matcher(key).matches()).toList()
                .forEach(key -> taken.put(key, remaining.remove(key)));
        return taken;
    }

    static int number(String prefix, String key) {
        return Integer.parseInt(key.substring(prefix.length()));
    }

    void put(String attribute, Object value) {
        attributes.put(attribute, value);
    }

    /** Appends a nested block: its attributes, in the order they should be written. */
    @SuppressWarnings("unchecked")
    void addBlock(String type, Map<String, Object> block) {
        ((List<Object>) attributes.computeIfAbsent(type, name -> new ArrayList<>())).add(block);
    }

    void unmapped(String key, String value, String reason) {
        unmapped.add(new UnmappedSetting(key, value, reason));
    }

    Map<String, String> remaining() {
        return remaining;
    }

    Map<String, Object> attributes() {
        return attributes;
    }

    List<UnmappedSetting> unmapped() {
        return unmapped;
    }
}
