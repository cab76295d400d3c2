/**
 * Provisioning: plan (the diff between a profile and its VM), apply, adopt and drift, with no
 * path that shrinks or deletes a disk.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.provisioning;
