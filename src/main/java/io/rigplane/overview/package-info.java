/**
 * The dashboard's start page, the home of the fleet: each node with its GPUs and their holders, each
 * profile's power, live session, drift, snapshots and last operation, and the recent operations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"operation", "power", "profile", "proxmox", "session",
        "snapshot", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.overview;
