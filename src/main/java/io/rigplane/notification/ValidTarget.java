package io.rigplane.notification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A target request that passed {@link TargetRules}: every field as it will be stored. */
record ValidTarget(String name, String kind, String url, @Nullable String secret, List<String> events,
        @Nullable Integer priority, List<String> tags, @Nullable Boolean paused) {
}
