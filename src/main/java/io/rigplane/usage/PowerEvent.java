package io.rigplane.usage;

import java.time.Instant;

/** A moment a profile's VM was known to go on or off, from a power operation or Proxmox's uptime. */
record PowerEvent(Instant at, Kind kind) {

    enum Kind {
        /** started (or found running); a VM that was running already stays on */
        ON,
        /** stopped or shut down by anyone but idle stop */
        OFF,
        /** shut down by idle stop after its last session: from here until the next start is saved */
        IDLE_OFF
    }
}
