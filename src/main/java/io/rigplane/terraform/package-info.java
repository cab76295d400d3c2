/**
 * The Terraform on-ramp: profiles rendered as resources of the bpg/proxmox provider, and
 * {@code terraform show -json} documents imported as profiles.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"profile", "provisioning", "proxmox", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.terraform;
