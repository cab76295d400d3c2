package io.rigplane.snapshot.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of scheduled snapshots, {@code auto-{label}-{yyyyMMddHHmm}} in UTC, and the rules that keep
 * them inside Proxmox's 40 characters. Retention recognises its snapshots by this exact shape only.
 */
public final class SnapshotNames {

    static final String PREFIX = "auto-";
    public static final int MAX_LABEL = 22;
    public static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]{0," + (MAX_LABEL - 1) + "}");
    /** Proxmox's rule for snapshot names, at most 40 characters. */
    static final Pattern PROXMOX_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{1,39}");
    static final String MARK = "Taken by Rigplane";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    private SnapshotNames() {
    }

    public static String scheduled(String label, Instant at) {
        return PREFIX + label + "-" + STAMP.format(at);
    }

    static String manual(Instant at) {
        return "manual-" + STAMP.format(at) + String.format("%02d", at.atOffset(ZoneOffset.UTC).getSecond());
    }

    /** The time a scheduled snapshot of this label was taken, when the name is one of its. */
    static Optional<String> stampOf(String label, String name) {
        Matcher m = Pattern.compile(Pattern.quote(PREFIX + label + "-") + "(\\d{12})").matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The label of a scheduled snapshot's name, if it has the scheduler's shape. */
    public static Optional<String> labelOf(String name) {
        Matcher m = Pattern.compile(Pattern.quote(PREFIX) + "(.+)-\\d{12}").matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String description(String what) {
        return MARK + ": " + what;
    }
}
