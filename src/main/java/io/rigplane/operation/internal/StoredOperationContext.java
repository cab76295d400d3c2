package io.rigplane.operation.internal;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationPhase;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.ProxmoxTask;
import io.rigplane.operation.StepState;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The context a handler runs in; each step and task id is written as it happens. */
public class StoredOperationContext implements OperationContext {

    private final OperationView operation;
    private final boolean recovering;
    private final OperationStore store;
    private final Clock clock;
    private final TaskSteps tasks;
    private @Nullable Integer currentStep;

    public StoredOperationContext(OperationView operation, boolean recovering, OperationStore store, Clock clock,
            TaskSteps tasks) {
        this.operation = operation;
        this.recovering = recovering || operation.attempts() > 0;
        this.store = store;
        this.clock = clock;
        this.tasks = tasks;
    }

    @Override
    public UUID id() {
        return operation.id();
    }

    @Override
    public String target() {
        return operation.target();
    }

    @Override
    public Map<String, String> params() {
        return operation.params();
    }

    @Override
    public boolean recovering() {
        return recovering;
    }

    @Override
    public <T> T step(String name, StepWork<T> work) throws Exception {
        int position = store.startStep(operation.id(), name, clock.instant());
        Integer outer = currentStep;
        currentStep = position;
        try {
            T result = work.run();
            store.finishStep(operation.id(), position, StepState.SUCCEEDED,
                    result == null ? null : result.toString(), clock.instant());
            return result;
        } catch (Exception e) {
            store.finishStep(operation.id(), position, StepState.FAILED, OperationRunner.reason(e), clock.instant());
            throw e;
        } finally {
            currentStep = outer;
        }
    }

    @Override
    public String task(String name, ProxmoxTask task) throws Exception {
        return step(name, () -> tasks.run(name, task, upid -> upid(upid.value())));
    }

    @Override
    public void upid(String upid) {
        if (currentStep != null) {
            store.stepUpid(operation.id(), currentStep, upid, clock.instant());
        }
    }

    @Override
    public void phase(OperationPhase phase) {
        store.phase(operation.id(), phase, clock.instant());
    }

    @Override
    public void skipped(String name, String reason) {
        int position = store.startStep(operation.id(), name, clock.instant());
        store.finishStep(operation.id(), position, StepState.SKIPPED, reason, clock.instant());
    }
}
