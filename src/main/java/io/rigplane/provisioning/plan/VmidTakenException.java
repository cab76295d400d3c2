package io.rigplane.provisioning.plan;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The profile's VMID belongs to a VM on Proxmox that Rigplane does not manage. */
class VmidTakenException extends ProblemException {

    VmidTakenException(int vmid) {
        super(HttpStatus.CONFLICT, "vmid-in-use", "VMID in use",
                "VMID " + vmid + " is used on Proxmox by a VM this profile does not manage; choose another "
                        + "VMID or adopt that VM");
    }
}
