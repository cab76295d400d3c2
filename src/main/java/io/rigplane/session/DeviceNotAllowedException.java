package io.rigplane.session;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A device asked for a profile it is not bound to; said the same whether the profile exists or not. */
class DeviceNotAllowedException extends ProblemException {

    DeviceNotAllowedException(String device, String profile) {
        super(HttpStatus.FORBIDDEN, "device-not-allowed", "Profile not allowed for this device",
                "Device '" + device + "' is not bound to profile '" + profile + "'");
    }
}
