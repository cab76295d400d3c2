package io.rigplane.bench;

/** A profile the benchmark streams from, with the node and VM it lives on. */
record BenchProfile(String name, String node, int vmid) {
}
