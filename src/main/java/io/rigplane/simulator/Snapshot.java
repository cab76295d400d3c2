package io.rigplane.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A VM snapshot: a frozen copy of the configuration plus its place in the snapshot tree. */
final class Snapshot {
    final String name;
    String description;
    final long snaptime;
    final boolean vmstate;
    String parent;
    /** "prepare" while being taken, "delete" while being removed, null otherwise (as in qemu-server). */
    String snapstate;
    final Map<String, String> config;

    Snapshot(String name, String description, long snaptime, boolean vmstate, String parent, Map<String, String> config) {
        this.name = name;
        this.description = description;
        this.snaptime = snaptime;
        this.vmstate = vmstate;
        this.parent = parent;
        this.config = new LinkedHashMap<>(config);
    }
}
