package io.rigplane.operation;

/**
 * Carries out one kind of operation. Contract: {@link #execute} must be safe to run again from
 * the start after a crash ({@link OperationContext#recovering()}), because a replica that died
 * mid-way leaves its operation to another, which runs it again.
 */
public interface OperationHandler {

    String kind();

    /**
     * Does the work and returns a summary for the user; throws to fail the operation with the
     * exception's message as its reason.
     */
    String execute(OperationContext context) throws Exception;

    /**
     * True when the handler gives its thread back while it waits ({@link OperationContext#task},
     * {@link OperationContext#await}): the firing ends there, and once what it waits for is ready a
     * later firing, on any replica, runs {@link #execute} again from the start. In that replay a step
     * that finished is not run again (it returns its recorded message), the step that waited carries
     * on in its own record, and a task whose UPID is recorded is looked at, never started again. So the
     * decisions a handler takes between steps must come out the same in a replay, or ask
     * {@link OperationContext#begun} first. Waiting for a VM lock still pauses the thread.
     */
    default boolean yieldsWhileWaiting() {
        return false;
    }
}
