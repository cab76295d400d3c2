package io.rigplane.session;

import java.util.UUID;

/**
 * A replica adopted a starting session whose driver stopped renewing its lease (its replica died
 * or stopped) and carries it on.
 */
public record SessionTakenOver(UUID session, String profile) {
}
