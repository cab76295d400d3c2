package io.rigplane.operation;

/** Where one step of an operation is. */
public enum StepState { RUNNING, SUCCEEDED, FAILED, SKIPPED }
