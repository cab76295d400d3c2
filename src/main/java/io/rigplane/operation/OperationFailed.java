package io.rigplane.operation;

import java.util.UUID;

/** An operation ended FAILED, with the reason it shows. */
public record OperationFailed(UUID operation, String kind, String target, String error) {
}
