package io.rigplane.power;

/** One GPU: a cluster PCI mapping on one node of one cluster. */
record GpuKey(String cluster, String node, String mapping) {

    @Override
    public String toString() {
        return mapping + " on " + node;
    }
}
