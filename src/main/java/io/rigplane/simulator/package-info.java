/**
 * Simulator of the Proxmox VE 9 API (over real HTTPS) and of the Apollo stream hosts inside its VMs,
 * with fault injection for tests and a demo mode. Nothing else in Rigplane imports this package: the
 * rest of the application reaches it only over HTTP.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "proxmox")
package io.rigplane.simulator;
