package io.rigplane.provisioning.plan;

/** A profile's VM: where it is and what it has. */
public record ObservedVm(VmLocation where, Observed observed) {
}
