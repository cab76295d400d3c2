package io.rigplane.operation;

import java.time.Instant;
import java.util.Map;

/** An operation that succeeded, as the history of what happened to a VM needs it: what, on which, by whom, when. */
public record FinishedOperation(String kind, String target, Map<String, String> params, String actorType, String actor,
        @org.jspecify.annotations.Nullable String summary, Instant finishedAt) {
}
