package io.rigplane.operation;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** What a handler may see and record while it runs an operation. */
public interface OperationContext {

    UUID id();

    String target();

    Map<String, String> params();

    /** True when a previous run of this operation was interrupted (its replica died). */
    boolean recovering();

    /**
     * Runs one named step, recording its start, end, outcome and message. For a handler that
     * {@linkplain OperationHandler#yieldsWhileWaiting yields}, a step that finished in an earlier firing
     * of this run is not run again: it returns its recorded message (so its result must be a String).
     */
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

    /**
     * Waits, as part of the current step, until {@code look} returns a result: looks every
     * {@code interval} until {@code timeout} after the step began, then throws what {@code late} makes.
     * A handler that yields gives its thread back between looks instead of sleeping, and must await
     * inside a step, whose recorded start the deadline counts from.
     */
    <T> T await(Duration timeout, Duration interval, Look<T> look, Supplier<? extends Exception> late)
            throws Exception;

    /**
     * True when an earlier firing of this run began the named step: a handler that yields asks before
     * it decides to skip a step, as what it looks at (is the VM running?) may have changed since.
     */
    boolean begun(String name);

    /** One look at what {@link #await} waits for: null while it is not there yet. */
    @FunctionalInterface
    interface Look<T> {
        @Nullable T look() throws Exception;
    }

    /** A unit of work of a step; returns its result, whose text becomes the step's message. */
    @FunctionalInterface
    interface StepWork<T> {
        @Nullable T run() throws Exception;
    }
}
