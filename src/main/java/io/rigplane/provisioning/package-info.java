/**
 * Provisioning: plan (the diff between a profile and its VM), apply, adopt and drift, with no
 * path that shrinks or deletes a disk.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "operation", "profile", "proxmox", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.provisioning;
