package io.rigplane.provisioning;

/** Where a profile's VM lives now: a VM may have moved to another node of its cluster. */
record VmLocation(String node, int vmid) {
}
