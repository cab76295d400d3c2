package io.rigplane.notification;

import org.jspecify.annotations.Nullable;

/** How one request to a target went: a 2xx is delivered; anything else is retried. */
record Attempt(boolean delivered, @Nullable Integer responseCode, @Nullable String error) {
}
