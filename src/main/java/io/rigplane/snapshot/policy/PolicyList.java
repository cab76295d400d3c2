package io.rigplane.snapshot.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code PUT …/snapshot-policy}: every policy of the profile (an empty list removes them all). */
public record PolicyList(@Nullable List<SnapshotPolicy> policies) {
}
