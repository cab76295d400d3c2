package io.rigplane.proxmox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Proxmox property string such as {@code local-zfs:vm-100-disk-1,cache=none,size=200G}: an
 * optional default value first, then {@code key=value} pairs. Compared parsed, never as text,
 * because Proxmox prints the pairs in its own order.
 */
public record PropertyString(@Nullable String head, Map<String, String> options) {

    public static PropertyString parse(@Nullable String text) {
        Map<String, String> options = new LinkedHashMap<>();
        String head = null;
        if (text == null || text.isBlank()) {
            return new PropertyString(null, options);
        }
        String[] parts = text.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            int equals = part.indexOf('=');
            if (i == 0 && equals < 0) {
                head = part;
            } else if (equals < 0) {
                options.put(part, "1");
            } else {
                options.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        return new PropertyString(head, options);
    }

    /** The value of the default key, written either first without a name or as {@code key=value}. */
    public @Nullable String value(String defaultKey) {
        return head != null ? head : options.get(defaultKey);
    }

    public @Nullable String get(String key) {
        return options.get(key);
    }

    /** The storage of a volume written {@code storage:volume} or {@code storage:size}. */
    public @Nullable String storage() {
        return head == null || !head.contains(":") ? null : head.substring(0, head.indexOf(':'));
    }

    public String print() {
        StringBuilder text = new StringBuilder(head == null ? "" : head);
        options.forEach((key, value) -> text.append(text.isEmpty() ? "" : ",").append(key).append('=').append(value));
        return text.toString();
    }
}
