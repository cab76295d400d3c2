package io.rigplane.snapshot;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The profile has no VM on Proxmox yet, so there is nothing to snapshot. */
class NoVmException extends ProblemException {

    NoVmException(String profile) {
        super(HttpStatus.CONFLICT, "vm-missing", "Profile has no VM",
                "Profile '" + profile + "' has no VM yet; apply it first (POST /api/v1/profiles/" + profile + "/apply)");
    }
}
