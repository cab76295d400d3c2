package io.rigplane.profile;

import org.jspecify.annotations.Nullable;

/**
 * A profile's VM as a list shows it: its VMID and node where it has a VM, and its power:
 * {@code running}, {@code stopped}, {@code not created} or {@code unknown} (Proxmox did not say).
 */
public record VmState(@Nullable Integer vmid, @Nullable String node, String power) {

    public static final String NOT_CREATED = "not created";
    public static final String UNKNOWN = "unknown";

    public boolean running() {
        return "running".equals(power);
    }

    /** The CSS class of its badge, as the power panel names them. */
    public String badge() {
        return NOT_CREATED.equals(power) ? "power-absent" : "power-" + power;
    }
}
