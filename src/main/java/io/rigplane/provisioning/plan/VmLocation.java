package io.rigplane.provisioning.plan;

import io.rigplane.proxmox.VmConfig;
import org.jspecify.annotations.Nullable;

/**
 * Where a profile's VM lives now (a VM may have moved to another node of its cluster), with the
 * config read while finding it, if one was, so that a plan does not read it twice.
 */
public record VmLocation(String node, int vmid, @Nullable VmConfig config) {

    public VmLocation(String node, int vmid) {
        this(node, vmid, null);
    }
}
