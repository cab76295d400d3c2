package io.rigplane.session.device;

import io.rigplane.system.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The problems the devices API answers with; each kind has its stable type URI. */
public final class DeviceProblems {

    private DeviceProblems() {
    }

    public static final class DeviceNotFound extends ProblemException {
        public DeviceNotFound(UUID id) {
            super(HttpStatus.NOT_FOUND, "device-not-found", "No such device", "There is no device " + id);
        }
    }

    public static final class DeviceExists extends ProblemException {
        public DeviceExists(String name) {
            super(HttpStatus.CONFLICT, "device-exists", "Device exists", "There is already a device named " + name);
        }
    }

    public static final class DeviceRevoked extends ProblemException {
        public DeviceRevoked(String name) {
            super(HttpStatus.CONFLICT, "device-revoked", "Device revoked",
                    "Device " + name + " was revoked; register it again to use it");
        }
    }

    /** Reached only when a device was revoked between its token's check and this answer. */
    public static final class NotADevice extends ProblemException {
        public NotADevice() {
            super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Only an active device's token may ask this");
        }
    }
}
