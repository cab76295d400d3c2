package io.rigplane.profile.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The {@code key=value} options of a Proxmox property string, in the order written, with the
 * bare first value (a volume, a model) kept apart.
 */
public record DriveOptions(@Nullable String head, Map<String, String> options) {

    public static DriveOptions parse(@Nullable String text) {
        Map<String, String> options = new LinkedHashMap<>();
        String head = null;
        if (text == null || text.isBlank()) {
            return new DriveOptions(null, options);
        }
        String[] parts = text.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (i == 0 && equals < 0) {
                head = part;
            } else if (equals < 0) {
                options.put(part, "1");
            } else {
                options.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        return new DriveOptions(head, options);
    }

    /** These options with {@code over}'s on top; the head stays. */
    DriveOptions with(DriveOptions over) {
        Map<String, String> merged = new LinkedHashMap<>(options);
        merged.putAll(over.options());
        return new DriveOptions(head, merged);
    }

    DriveOptions without(String... keys) {
        Map<String, String> left = new LinkedHashMap<>(options);
        for (String key : keys) {
            left.remove(key);
        }
        return new DriveOptions(head, left);
    }

    /** The storage of a head written {@code storage:volume} or {@code storage:size}. */
    @Nullable String storage() {
        return head == null || !head.contains(":") ? null : head.substring(0, head.indexOf(':'));
    }

    /** The options alone, {@code a=1,b=2}; empty when there are none. */
    String printOptions() {
        StringJoiner joined = new StringJoiner(",");
        options.forEach((key, value) -> joined.add(key + "=" + value));
        return joined.toString();
    }

    /** {@code prefix} followed by the options, comma-separated. */
    String after(String prefix) {
        String printed = printOptions();
        return printed.isEmpty() ? prefix : prefix + "," + printed;
    }
}
