package io.rigplane.session.device;

import io.rigplane.access.DeviceTokens;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which thin client is asking, and what it may stream. */
@Service
public class Devices {

    private final DeviceRepository devices;
    private final DeviceTokens tokens;

    Devices(DeviceRepository devices, DeviceTokens tokens) {
        this.devices = devices;
        this.tokens = tokens;
    }

    /**
     * The device making the current request, empty for users and script tokens. Its profiles are
     * read fresh, so a change of bindings applies to the device's next request. Anyone else's
     * request costs no database call (and no transaction) here.
     */
    public Optional<Device> current() {
        return tokens.currentDevice().flatMap(devices::findById)
                .filter(device -> !device.revoked())
                .map(DeviceRegistration::toDevice);
    }

    /**
     * A device by id, revoked or not (a session keeps the device that opened it); check
     * {@link #current()} to decide what a request may do.
     */
    @Transactional(readOnly = true)
    Optional<Device> find(UUID id) {
        return devices.findById(id).map(DeviceRegistration::toDevice);
    }
}
