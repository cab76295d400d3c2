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

    /** Records the Proxmox task that carries out the current step. */
    void upid(String upid);

    /** Records a step that was not needed, with the reason. */
    void skipped(String name, String reason);

    /** A unit of work of a step; returns its result, whose text becomes the step's message. */
    @FunctionalInterface
    interface StepWork<T> {
        @Nullable T run() throws Exception;
    }
}
