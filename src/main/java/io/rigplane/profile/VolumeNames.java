package io.rigplane.profile;

import org.jspecify.annotations.Nullable;

/** Predicts the volume names Proxmox gives new disks of one VM: vm-VMID-disk-0, -1, … */
final class VolumeNames {

    private final @Nullable Integer vmid;
    private int next;

    VolumeNames(@Nullable Integer vmid) {
        this.vmid = vmid;
    }

    String next(String storage) {
        return storage + ":vm-" + (vmid == null ? "new" : vmid) + "-disk-" + next++;
    }
}
