package io.rigplane.proxmox.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GET /version}: the Proxmox VE version ({@code 8.2.4}), release and repository id. */
public record VersionInfo(String version, @Nullable String release, @Nullable String repoid, Map<String, Object> extra) {

    public static VersionInfo from(Fields f) {
        return new VersionInfo(f.string("version", "unknown"), f.string("release"), f.string("repoid"), f.extra());
    }

    /** The major version (7 for {@code 7.4-16}), or 0 when unreadable. */
    public int major() {
        try {
            return Integer.parseInt(version.split("[.-]")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
