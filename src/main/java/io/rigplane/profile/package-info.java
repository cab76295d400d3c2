/**
 * VM profiles: the desired state of each VM, the platforms that add their defaults, and the
 * pure rendering of both into the exact Proxmox configuration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.profile;
