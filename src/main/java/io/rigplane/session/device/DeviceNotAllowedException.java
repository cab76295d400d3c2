package io.rigplane.session.device;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A device asked for a profile it is not bound to; said the same whether the profile exists or not. */
public class DeviceNotAllowedException extends ProblemException {

    public DeviceNotAllowedException(String device, String profile) {
        super(HttpStatus.FORBIDDEN, "device-not-allowed", "Profile not allowed for this device",
                "Device '" + device + "' is not bound to profile '" + profile + "'");
    }
}
