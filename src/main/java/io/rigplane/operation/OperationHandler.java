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
}
