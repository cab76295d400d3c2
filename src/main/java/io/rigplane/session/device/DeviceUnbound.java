package io.rigplane.session.device;

import java.util.Set;
import java.util.UUID;

/** A device lost profiles it was bound to: its sessions there must end, as if it had been revoked for them. */
public record DeviceUnbound(UUID id, String name, Set<String> profiles) {
}
