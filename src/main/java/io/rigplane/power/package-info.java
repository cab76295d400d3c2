/**
 * Power: start, stop, shutdown and reboot of a profile's VM as operations, GPU exclusivity between
 * profiles (claimed in the database), and waking sleeping nodes (through the cluster or with
 * Rigplane's own magic packet).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "operation", "profile", "provisioning", "proxmox", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.power;
