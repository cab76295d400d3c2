package io.rigplane.operation;

/** Where an operation is; SUCCEEDED and FAILED are final. */
public enum OperationState {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
