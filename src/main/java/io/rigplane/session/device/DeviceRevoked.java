package io.rigplane.session.device;

import java.util.UUID;

/** A device's token was revoked: its sessions must not outlive it. */
public record DeviceRevoked(UUID id, String name) {
}
