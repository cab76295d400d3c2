package io.rigplane.profile.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One parameter of {@code POST /nodes/{node}/qemu} as Rigplane checks it: its type, range, enum,
 * pattern and property-string format. Written by hand after the Proxmox VE API documentation;
 * {@code indexCount > 0} marks an indexed family such as {@code scsi[n]} (scsi0 … scsi30).
 */
public record SchemaParam(String name, Type type, boolean optional, @Nullable Long min, @Nullable Long max,
        @Nullable List<String> enumValues, @Nullable Pattern pattern, @Nullable Integer maxLength,
        @Nullable SchemaFormat format, int indexCount, @Nullable String defaultValue) {

    enum Type { STRING, INTEGER, NUMBER, BOOLEAN }

    static SchemaParam str(String name) {
        return of(name, Type.STRING);
    }

    static SchemaParam integer(String name) {
        return of(name, Type.INTEGER);
    }

    static SchemaParam number(String name) {
        return of(name, Type.NUMBER);
    }

    static SchemaParam bool(String name) {
        return of(name, Type.BOOLEAN);
    }

    private static SchemaParam of(String name, Type type) {
        int count = 0;
        String base = name;
        int bracket = name.indexOf('[');
        if (bracket > 0) {
            base = name.substring(0, bracket);
            count = Integer.parseInt(name.substring(bracket + 1, name.length() - 1));
        }
        return new SchemaParam(base, type, true, null, null, null, null, null, null, count, null);
    }

    SchemaParam required() {
        return new SchemaParam(name, type, false, min, max, enumValues, pattern, maxLength, format, indexCount,
                defaultValue);
    }

    SchemaParam range(@Nullable Long lo, @Nullable Long hi) {
        return new SchemaParam(name, type, optional, lo, hi, enumValues, pattern, maxLength, format, indexCount,
                defaultValue);
    }

    SchemaParam min(long lo) {
        return range(lo, max);
    }

    SchemaParam oneOf(String... values) {
        return new SchemaParam(name, type, optional, min, max, List.of(values), pattern, maxLength, format,
                indexCount, defaultValue);
    }

    SchemaParam pattern(String regex) {
        return new SchemaParam(name, type, optional, min, max, enumValues, Pattern.compile(regex), maxLength, format,
                indexCount, defaultValue);
    }

    SchemaParam maxLength(int length) {
        return new SchemaParam(name, type, optional, min, max, enumValues, pattern, length, format, indexCount,
                defaultValue);
    }

    SchemaParam format(SchemaFormat propertyFormat) {
        return new SchemaParam(name, type, optional, min, max, enumValues, pattern, maxLength, propertyFormat,
                indexCount, defaultValue);
    }

    /** What Proxmox uses when the key is absent from a VM's config. */
    SchemaParam byDefault(String value) {
        return new SchemaParam(name, type, optional, min, max, enumValues, pattern, maxLength, format, indexCount,
                value);
    }

    /** The name as the schema writes it: {@code scsi[n]} for indexed families. */
    String schemaName() {
        return indexCount > 0 ? name + "[n]" : name;
    }

    /** Whether a concrete key ({@code scsi3}) belongs to this parameter. */
    boolean matches(String key) {
        if (indexCount == 0) {
            return key.equals(name);
        }
        if (!key.startsWith(name) || key.length() == name.length()) {
            return false;
        }
        String rest = key.substring(name.length());
        if (!rest.chars().allMatch(Character::isDigit) || (rest.length() > 1 && rest.startsWith("0"))
                || rest.length() > 4) {
            return false;
        }
        return Integer.parseInt(rest) < indexCount;
    }

    /** Checks one value; what is wrong with it, or null when it is valid. */
    public @Nullable String check(String value) {
        return switch (type) {
            case INTEGER -> value.matches("[+-]?\\d{1,18}") ? checkRange(Double.parseDouble(value))
                    : "must be a whole number";
            case NUMBER -> value.matches("[+-]?(\\d{1,18}(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")
                    ? checkRange(Double.parseDouble(value)) : "must be a number";
            case BOOLEAN -> parseBoolean(value) == null ? "must be 0 or 1" : null;
            case STRING -> checkString(value);
        };
    }

    private @Nullable String checkString(String value) {
        if (enumValues != null && !enumValues.contains(value)) {
            return "must be one of " + String.join(", ", enumValues);
        }
        if (maxLength != null && value.length() > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            return "does not have the format Proxmox expects";
        }
        return null;
    }

    private @Nullable String checkRange(double value) {
        if (min != null && value < min) {
            return "must be at least " + min;
        }
        if (max != null && value > max) {
            return "must be at most " + max;
        }
        return null;
    }

    /** Proxmox VE's loose booleans. */
    static @Nullable Boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> Boolean.TRUE;
            case "0", "false", "no", "off" -> Boolean.FALSE;
            default -> null;
        };
    }
}
