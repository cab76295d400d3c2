/**
 * The stream host inside a profile's VM (Apollo, or Sunshine): when it is ready to stream, what a
 * thin client needs to connect (one-tap Artemis links, one-time pairing codes) and whether a
 * client streams right now. Per-profile settings with the Apollo admin credentials as a secret.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "profile", "provisioning", "proxmox", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.streamhost;
