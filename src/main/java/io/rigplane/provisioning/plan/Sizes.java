package io.rigplane.provisioning.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Disk sizes as Proxmox writes them ({@code 200G}, {@code 528K}, {@code 1T}, bytes), in bytes. */
public final class Sizes {

    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?)([KMGT]?)$");

    private Sizes() {
    }

    public static @Nullable Long bytes(@Nullable String size) {
        if (size == null) {
            return null;
        }
        Matcher matcher = SIZE.matcher(size.trim());
        if (!matcher.matches()) {
            return null;
        }
        double value = Double.parseDouble(matcher.group(1));
        int power = switch (matcher.group(2)) {
            case "K" -> 1;
            case "M" -> 2;
            case "G" -> 3;
            case "T" -> 4;
            default -> 0;
        };
        return (long) (value * Math.pow(1024, power));
    }

    public static long gib(int gib) {
        return gib * 1024L * 1024L * 1024L;
    }
}
