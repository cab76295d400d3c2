package io.rigplane.profile.internal;

import org.jspecify.annotations.Nullable;

/** Predicts the volume names Proxmox gives new disks of one VM: vm-VMID-disk-0, -1, … */
public final class VolumeNames {

    private final @Nullable Integer vmid;
    private int next;

    public VolumeNames(@Nullable Integer vmid) {
        this.vmid = vmid;
    }

    public String next(String storage) {
        return storage + ":vm-" + (vmid == null ? "new" : vmid) + "-disk-" + next++;
    }
}
