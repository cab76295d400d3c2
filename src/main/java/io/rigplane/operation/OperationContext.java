package io.rigplane.operation;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a handler may see and record while it runs an operation. */
public interface OperationContext {

    UUID id();

    String target();

    Map<String, String> params();

    /** True when a previous run of this operation was interrupted (its replica died). */
    boolean recovering();

    /** Runs one named step, recording its start, end, outcome and message. */
    <T> T step(String name, StepWork<T> work) throws Exception;

    /**
     * Runs one Proxmox task as a named step, the one way handlers do: starts it, records its UPID on
     * the step, waits for it, and starts it again while it fails on a VM lock held by someone else
     * (under {@code rigplane.operations.lock-retry.*}; a {@code snapshot-delete} lock is reported at
     * once, as waiting does not clear it). Returns the step's message: the task's exit status, or
     * what the task's checks found an earlier run had done.
     */
    String task(String name, ProxmoxTask task) throws Exception;

    /** Records the Proxmox task that carries out the current step. */
    void upid(String upid);

    /** Records how far the operation has got, for whoever follows it. */
    void phase(OperationPhase phase);

    /** Records a step that was not needed, with the reason. */
    void skipped(String name, String reason);

    /** A unit of work of a step; returns its result, whose text becomes the step's message. */
    @FunctionalInterface
    interface StepWork<T> {
        @Nullable T run() throws Exception;
    }
}
