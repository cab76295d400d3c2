package io.rigplane.operation;

import java.util.UUID;

/** A replica picked up an operation that another replica had started and stopped running (it died). */
public record OperationTakenOver(UUID operation, String kind, String target) {
}
