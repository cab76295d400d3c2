package io.rigplane.provisioning;

import org.jspecify.annotations.Nullable;

/** A profile's VM was found changed outside Rigplane, where the previous check found it as planned. */
public record DriftFound(String profile, int changes, @Nullable String detail) {
}
