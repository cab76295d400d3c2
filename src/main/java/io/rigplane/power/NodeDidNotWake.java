package io.rigplane.power;

/** A node that Rigplane tried to wake did not come online in time, or there was no way to wake it. */
public record NodeDidNotWake(String node, String reason) {
}
