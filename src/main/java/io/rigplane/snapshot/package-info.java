/**
 * Snapshots: per-profile snapshot policies scheduled on Quartz's cluster, retention within a
 * policy's label, a per-node limit shared by all replicas, the history of every run, and manual
 * snapshot, delete and rollback as operations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "operation", "profile", "provisioning", "proxmox", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.snapshot;
