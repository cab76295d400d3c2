package io.rigplane.power;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The profile has no VM on Proxmox yet: applying the profile creates it. */
class VmMissingException extends ProblemException {

    VmMissingException(String profile) {
        super(HttpStatus.CONFLICT, "vm-missing", "Profile has no VM",
                "Profile '" + profile + "' has no VM yet; apply it first (POST /api/v1/profiles/" + profile + "/apply)");
    }
}
