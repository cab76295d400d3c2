package io.rigplane.operation;

import io.rigplane.access.Actor;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What to run: a kind of operation handled by an {@link OperationHandler}, on a target. */
public record OperationRequest(String kind, String target, Map<String, String> params, Actor actor,
        @Nullable String idempotencyKey) {
}
