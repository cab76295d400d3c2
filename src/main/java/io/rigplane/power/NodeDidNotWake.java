package io.rigplane.power;

/** A node that Rigplane tried to wake did not come online in time. */
public record NodeDidNotWake(String node, String reason) {
}
