package io.rigplane.operation;

import java.util.UUID;

/** Published when an operation reached SUCCEEDED or FAILED. */
public record OperationFinished(UUID id, String kind, String target, OperationState state) {
}
