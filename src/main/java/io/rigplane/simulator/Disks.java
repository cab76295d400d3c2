package io.rigplane.simulator;

import java.util.Locale;

/** Disk sizes as Proxmox VE reads ({@code 200G}, {@code 528K}, bytes) and prints them. */
final class Disks {

    private Disks() {
    }

    static long parseSize(String size) {
        String s = size.trim().toUpperCase(Locale.ROOT);
        char unit = s.charAt(s.length() - 1);
        long mult = switch (unit) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            case 'T' -> 1L << 40;
            default -> 1L;
        };
        String num = Character.isDigit(unit) ? s : s.substring(0, s.length() - 1);
        return (long) (Double.parseDouble(num) * mult);
    }

    /** Like PVE::JSONSchema::format_size: the largest unit that divides the size exactly. */
    static String formatSize(long bytes) {
        String[] units = {"T", "G", "M", "K"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return String.valueOf(bytes);
    }
}
