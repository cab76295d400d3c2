package io.rigplane.power.internal;

import org.jspecify.annotations.Nullable;

/**
 * One GPU device: its PCI path on a node of a cluster, reached through a PCI mapping. Claims are per
 * device, so two mappings naming one device, or one mapping with several devices, count right.
 * {@code legacy} is how a claim taken before claims named devices stands for this device (the
 * mapping's first device on its node), null for any other device.
 */
public record GpuKey(String cluster, String node, String mapping, String device, @Nullable String legacy) {

    /** A device that no claim from before per-device claims can stand for. */
    public GpuKey(String cluster, String node, String mapping, String device) {
        this(cluster, node, mapping, device, null);
    }

    /** The key a claim from before per-device claims had: the mapping's first device on the node. */
    static String legacyDevice(String mapping) {
        return "mapping:" + mapping;
    }

    @Override
    public String toString() {
        return mapping + " on " + node + (device.startsWith("mapping:") ? "" : " (" + device + ")");
    }
}
