package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.Fields;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code GET …/snapshot}; the list always ends with a pseudo-entry named {@code current}
 * (no snaptime). {@code snapstate} is set while a snapshot is being taken or deleted.
 */
public record Snapshot(String name, @Nullable String description, @Nullable Instant snaptime, boolean vmstate,
        @Nullable String parent, @Nullable String snapstate, Map<String, Object> extra) {

    static Snapshot from(Fields f) {
        return new Snapshot(f.string("name", ""), f.string("description"), f.epochSeconds("snaptime"), f.bool("vmstate"),
                f.string("parent"), f.string("snapstate"), f.extra());
    }

    public boolean isCurrent() {
        return name.equals("current");
    }
}
