package io.rigplane.session.internal;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which sessions to list: by profile, states and device; newest first, at most {@code limit}. */
public record SessionQuery(@Nullable String profile, @Nullable Set<SessionState> states, @Nullable UUID deviceId,
        int limit) {
}
