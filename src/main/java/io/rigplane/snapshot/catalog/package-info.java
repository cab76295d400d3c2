/**
 * A profile's snapshots as Proxmox lists them: listing, delete and rollback as operations, a policy's
 * dry run, and the VMs a snapshot targets.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.snapshot.catalog;
