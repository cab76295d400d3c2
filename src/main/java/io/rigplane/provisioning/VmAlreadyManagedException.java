package io.rigplane.provisioning;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** Another profile manages the VM already. */
class VmAlreadyManagedException extends ProblemException {

    VmAlreadyManagedException(int vmid, String owner) {
        super(HttpStatus.CONFLICT, "vm-managed", "VM managed already",
                "VM " + vmid + " is managed by profile '" + owner + "'");
    }
}
