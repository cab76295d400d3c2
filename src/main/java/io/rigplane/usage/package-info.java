/**
 * Usage and energy: per profile and day, the hours its VM was powered on, the hours a client
 * streamed from it and the hours idle stop saved, with the kWh they stand for at a node's watts;
 * computed from Rigplane's own records and the uptime Proxmox reports for the current run.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"operation", "profile", "provisioning", "proxmox", "session", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.usage;
