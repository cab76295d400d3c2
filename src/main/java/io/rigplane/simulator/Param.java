package io.rigplane.simulator;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One API parameter as the simulator checks it, written by hand after the Proxmox VE documentation.
 * {@code indexCount > 0} marks an indexed family such as {@code scsi[n]} (scsi0 … scsi30).
 */
record Param(String name, Type type, boolean optional, Long min, Long max, List<String> enumValues,
             Pattern pattern, Integer maxLength, PropertyFormat format, int indexCount, String formatError) {

    enum Type { STRING, INTEGER, NUMBER, BOOLEAN, ARRAY }

    static Param str(String name) {
        return of(name, Type.STRING);
    }

    static Param integer(String name) {
        return of(name, Type.INTEGER);
    }

    static Param number(String name) {
        return of(name, Type.NUMBER);
    }

    static Param bool(String name) {
        return of(name, Type.BOOLEAN);
    }

    static Param array(String name) {
        return of(name, Type.ARRAY);
    }

    private static Param of(String name, Type type) {
        int idx = 0;
        String base = name;
        int bracket = name.indexOf('[');
        if (bracket > 0) {
            base = name.substring(0, bracket);
            idx = Integer.parseInt(name.substring(bracket + 1, name.length() - 1));
        }
        return new Param(base, type, true, null, null, null, null, null, null, idx, null);
    }

    Param required() {
        return new Param(name, type, false, min, max, enumValues, pattern, maxLength, format, indexCount, formatError);
    }

    Param range(Long lo, Long hi) {
        return new Param(name, type, optional, lo, hi, enumValues, pattern, maxLength, format, indexCount, formatError);
    }

    Param min(long lo) {
        return range(lo, max);
    }

    Param oneOf(String... values) {
        return new Param(name, type, optional, min, max, List.of(values), pattern, maxLength, format, indexCount, formatError);
    }

    Param pattern(String regex) {
        return new Param(name, type, optional, min, max, enumValues, Pattern.compile(regex), maxLength, format, indexCount, formatError);
    }

    Param maxLength(int n) {
        return new Param(name, type, optional, min, max, enumValues, pattern, n, format, indexCount, formatError);
    }

    Param format(PropertyFormat f) {
        return new Param(name, type, optional, min, max, enumValues, pattern, maxLength, f, indexCount, formatError);
    }

    /**
     * A named format of pve-common (such as {@code dns-name}): the value must match, and a
     * mismatch reads {@code invalid format - <the format's own message>} as check_format says it.
     */
    Param namedFormat(String regex, String message) {
        return new Param(name, type, optional, min, max, enumValues, Pattern.compile(regex), maxLength, format, indexCount,
                message);
    }

    /** The name as the schema writes it: {@code scsi[n]} for indexed families. */
    String schemaName() {
        return indexCount > 0 ? name + "[n]" : name;
    }

    /** Whether a concrete key (scsi3) belongs to this parameter. */
    boolean matches(String key) {
        if (indexCount == 0) {
            return key.equals(name);
        }
        if (!key.startsWith(name) || key.length() == name.length()) {
            return false;
        }
        String rest = key.substring(name.length());
        if (!rest.chars().allMatch(Character::isDigit) || (rest.length() > 1 && rest.startsWith("0"))) {
            return false;
        }
        return rest.length() < 5 && Integer.parseInt(rest) < indexCount;
    }

    /** Checks one value; returns the message Proxmox VE would give, or null when it is valid. */
    String check(String key, String value) {
        switch (type) {
            case INTEGER -> {
                if (!value.matches("[+-]?\\d+")) {
                    return "type check ('integer') failed - got '" + value + "'";
                }
                return checkRange(Double.parseDouble(value));
            }
            case NUMBER -> {
                if (!value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
                    return "type check ('number') failed - got '" + value + "'";
                }
                return checkRange(Double.parseDouble(value));
            }
            case BOOLEAN -> {
                return parseBoolean(value) == null ? "type check ('boolean') failed - got '" + value + "'" : null;
            }
            default -> {
                if (enumValues != null && !enumValues.contains(value)) {
                    return "value '" + value + "' does not have a value in the enumeration '"
                            + String.join(", ", enumValues) + "'";
                }
                if (maxLength != null && value.length() > maxLength) {
                    return "value may only be " + maxLength + " characters long";
                }
                if (pattern != null && !pattern.matcher(value).matches()) {
                    return formatError != null ? "invalid format - " + formatError + "\n"
                            : "value does not match the regex pattern";
                }
                if (format != null) {
                    return format.check(key, value);
                }
                return null;
            }
        }
    }

    private String checkRange(double v) {
        if (min != null && v < min) {
            return "value must have a minimum value of " + min;
        }
        if (max != null && v > max) {
            return "value must have a maximum value of " + max;
        }
        return null;
    }

    /** Proxmox VE's loose booleans. */
    static Boolean parseBoolean(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes", "on" -> Boolean.TRUE;
            case "0", "false", "no", "off" -> Boolean.FALSE;
            default -> null;
        };
    }
}
