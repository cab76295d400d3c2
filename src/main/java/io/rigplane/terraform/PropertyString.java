package io.rigplane.terraform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Proxmox property string such as {@code local-zfs:vm-100-disk-1,cache=none,size=200G}: an
 * optional leading value without a name (the property's default key), then {@code key=value}
 * pairs in the order written.
 */
record PropertyString(@Nullable String head, Map<String, String> options) {

    static PropertyString parse(@Nullable String text) {
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
    @Nullable String value(String defaultKey) {
        return head != null ? head : options.get(defaultKey);
    }

    @Nullable String get(String key) {
        return options.get(key);
    }
}
