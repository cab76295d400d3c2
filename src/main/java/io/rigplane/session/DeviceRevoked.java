package io.rigplane.session;

import java.util.UUID;

/** A device's token was revoked: its sessions must not outlive it. */
record DeviceRevoked(UUID id, String name) {
}
