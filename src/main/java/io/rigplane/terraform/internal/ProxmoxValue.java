package io.rigplane.terraform.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds a Proxmox property string the way Proxmox prints one: the unnamed leading value, then
 * the options sorted by name. Unset options are left out.
 */
public final class ProxmoxValue {

    private final @Nullable String head;
    private final Map<String, String> options = new TreeMap<>();

    ProxmoxValue(@Nullable String head) {
        this.head = head;
    }

    ProxmoxValue option(String name, @Nullable Object value) {
        if (value != null && !(value instanceof String text && text.isEmpty())) {
            options.put(name, text(value));
        }
        return this;
    }

    boolean isEmpty() {
        return head == null && options.isEmpty();
    }

    String print() {
        StringBuilder text = new StringBuilder(head == null ? "" : head);
        options.forEach((name, value) -> text.append(text.isEmpty() ? "" : ",").append(name).append('=').append(value));
        return text.toString();
    }

    /** How Proxmox writes a value: booleans as 1 and 0, numbers without a needless fraction. */
    static String text(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? "1" : "0";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /** A Proxmox boolean, as the API accepts it; null when the text is none. */
    public static @Nullable Boolean flag(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "on", "yes" -> Boolean.TRUE;
            case "0", "false", "off", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    static @Nullable Long whole(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static @Nullable BigDecimal decimal(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
