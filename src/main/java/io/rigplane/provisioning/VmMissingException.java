package io.rigplane.provisioning;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The profile has no VM on Proxmox (yet, or any more): applying the profile creates it. */
public class VmMissingException extends ProblemException {

    VmMissingException(String profile) {
        super(HttpStatus.CONFLICT, "vm-missing", "Profile has no VM",
                "Profile '" + profile + "' has no VM yet; apply it first (POST /api/v1/profiles/" + profile + "/apply)");
    }
}
