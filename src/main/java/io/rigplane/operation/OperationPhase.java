package io.rigplane.operation;

/**
 * How far a running operation has got, in words other modules may rely on (a session follows the
 * start of its VM this way), unlike step names, which are written for people and may change.
 * Handlers report a phase with {@link OperationContext#phase}; an operation that reported none has
 * no phase.
 */
public enum OperationPhase {
    /** The VM's node is asleep: a magic packet is on its way, and the node is awaited. */
    WAKING_NODE,
    /** The node is online and the VM is being started (or found running already). */
    STARTING_VM
}
