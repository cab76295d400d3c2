package io.rigplane.session.device;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A device as the API and the dashboard show it; never its secret. */
public record DeviceView(UUID id, String name, List<String> profiles, Instant createdAt, @Nullable Instant lastSeenAt,
        @Nullable Instant revokedAt) {
}
