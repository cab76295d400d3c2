package io.rigplane.session.signin;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One TV's request to be signed in, as stored (both codes only as hashes). */
record SignInRequest(UUID id, State state, Instant requestedAt, @Nullable String requestedFrom, Instant expiresAt,
        int intervalSeconds, @Nullable Instant lastPolledAt, @Nullable UUID deviceId, @Nullable String deviceName) {

    enum State { PENDING, APPROVED, DENIED, REDEEMED }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
