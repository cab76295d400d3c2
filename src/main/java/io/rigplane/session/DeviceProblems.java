package io.rigplane.session;

import io.rigplane.system.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The problems the devices API answers with; each kind has its stable type URI. */
final class DeviceProblems {

    private DeviceProblems() {
    }

    static final class DeviceNotFound extends ProblemException {
        DeviceNotFound(UUID id) {
            super(HttpStatus.NOT_FOUND, "device-not-found", "No such device", "There is no device " + id);
        }
    }

    static final class DeviceExists extends ProblemException {
        DeviceExists(String name) {
            super(HttpStatus.CONFLICT, "device-exists", "Device exists", "There is already a device named " + name);
        }
    }

    static final class DeviceRevoked extends ProblemException {
        DeviceRevoked(String name) {
            super(HttpStatus.CONFLICT, "device-revoked", "Device revoked",
                    "Device " + name + " was revoked; register it again to use it");
        }
    }

    /** Reached only when a device was revoked between its token's check and this answer. */
    static final class NotADevice extends ProblemException {
        NotADevice() {
            super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Only an active device's token may ask this");
        }
    }
}
