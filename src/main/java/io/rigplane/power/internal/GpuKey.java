package io.rigplane.power.internal;

/** One GPU: a cluster PCI mapping on one node of one cluster. */
public record GpuKey(String cluster, String node, String mapping) {

    @Override
    public String toString() {
        return mapping + " on " + node;
    }
}
