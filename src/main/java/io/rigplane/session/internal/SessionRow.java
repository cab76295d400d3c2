package io.rigplane.session.internal;

import io.rigplane.streamhost.ReadyStreamHost;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A session's row as the code that drives and watches it needs it. */
record SessionRow(UUID id, String profile, @Nullable UUID deviceId, @Nullable String deviceName, String actorType,
        String actorName, String clientName, SessionState state, @Nullable UUID operationId,
        @Nullable ReadyStreamHost streamHost, boolean pairingPending, Instant createdAt,
        @Nullable Instant readyAt, @Nullable Instant lastActivityAt) {

    io.rigplane.access.Actor actor() {
        return new io.rigplane.access.Actor(io.rigplane.access.Actor.Type.valueOf(actorType), actorName);
    }

    /** Sessions of one person: the same device, or the same user or token when no device asked. */
    boolean samePerson(SessionRow other) {
        if (deviceId != null || other.deviceId != null) {
            return java.util.Objects.equals(deviceId, other.deviceId);
        }
        return actorType.equals(other.actorType) && actorName.equals(other.actorName);
    }
}
