package io.rigplane.session;

import java.util.UUID;

/** A stream session ended FAILED, with its reason. */
public record SessionFailed(UUID session, String profile, String reason) {
}
