package io.rigplane.operation.internal;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationPhase;
import io.rigplane.operation.OperationStep;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.ProxmoxTask;
import io.rigplane.operation.StepState;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.TaskResult;
import io.rigplane.proxmox.Upid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The context a handler runs in; each step and task id is written as it happens. For a handler that
 * yields while it waits, a wait ends the firing with an {@link OperationPause} and the steps recorded by
 * this run's earlier firings are replayed: finished ones return their message, the one that waited goes
 * on in its own record (with its UPID, its start and so its deadline).
 */
public class StoredOperationContext implements OperationContext {

    /** How often a paused task is looked at: each look may add this much to the operation. */
    static final Duration TASK_LOOK = Duration.ofMillis(200);

    private final OperationView operation;
    private final boolean recovering;
    private final OperationStore store;
    private final Clock clock;
    private final TaskSteps tasks;
    private final boolean yielding;
    /** The latest step of each name that this run's earlier firings recorded (only when yielding). */
    private final Map<String, OperationStep> earlier = new HashMap<>();
    private @Nullable Integer currentStep;
    private @Nullable Instant currentStarted;

    /** A handler that blocks while it waits, as every handler did before some learnt to yield. */
    public StoredOperationContext(OperationView operation, boolean recovering, OperationStore store, Clock clock,
            TaskSteps tasks) {
        this(operation, recovering, store, clock, tasks, false, List.of());
    }

    public StoredOperationContext(OperationView operation, boolean recovering, OperationStore store, Clock clock,
            TaskSteps tasks, boolean yielding, List<OperationStep> earlierSteps) {
        this.operation = operation;
        this.recovering = recovering;
        this.store = store;
        this.clock = clock;
        this.tasks = tasks;
        this.yielding = yielding;
        if (yielding) {
            earlierSteps.forEach(step -> earlier.put(step.name(), step));
        }
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
        return step(name, work, null);
    }

    @SuppressWarnings("unchecked")
    private <T> T step(String name, StepWork<T> work, @Nullable UpidWork<T> resumed) throws Exception {
        OperationStep before = earlier.get(name);
        if (before != null && (before.state() == StepState.SUCCEEDED || before.state() == StepState.SKIPPED)) {
            // done in an earlier firing of this run; a yielding handler's steps give their message
            return (T) before.message();
        }
        boolean goesOn = before != null && before.state() == StepState.RUNNING;
        int position = goesOn ? before.position() : store.startStep(operation.id(), name, clock.instant());
        Integer outer = currentStep;
        Instant outerStarted = currentStarted;
        currentStep = position;
        currentStarted = goesOn ? before.startedAt() : clock.instant();
        try {
            T result = resumed != null && goesOn && before.upid() != null
                    ? resumed.run(Upid.parse(before.upid())) : work.run();
            store.finishStep(operation.id(), position, StepState.SUCCEEDED,
                    result == null ? null : result.toString(), clock.instant());
            return result;
        } catch (Exception e) {
            store.finishStep(operation.id(), position, StepState.FAILED, OperationRunner.reason(e), clock.instant());
            throw e;
        } finally {
            // an OperationPause is no Exception: it leaves the step running for the next firing
            currentStep = outer;
            currentStarted = outerStarted;
        }
    }

    @Override
    public String task(String name, ProxmoxTask task) throws Exception {
        if (!yielding) {
            return step(name, () -> tasks.run(name, task, upid -> upid(upid.value())));
        }
        TaskSteps.TaskWait look = task.reportsProgress() ? this::lookAtTaskWithProgress : this::lookAtTask;
        return step(name, () -> tasks.run(name, task, upid -> upid(upid.value()), null, look),
                recorded -> tasks.run(name, task, upid -> upid(upid.value()), recorded, look));
    }

    /** Like {@link #lookAtTask}, and each look while the task runs shows its latest progress line on the step. */
    private TaskResult lookAtTaskWithProgress(ProxmoxClient client, Upid upid, Duration timeout) {
        Integer position = currentStep;
        try {
            return lookAtTask(client, upid, timeout);
        } catch (OperationPause pause) {
            Instant deadline = startedOrNow().plus(timeout);
            throw new OperationPause(TASK_LOOK, () -> {
                showProgress(client, upid, position);
                return client.taskResult(upid, deadline).isPresent();
            });
        }
    }

    private void showProgress(ProxmoxClient client, Upid upid, @Nullable Integer position) {
        if (position == null) {
            return;
        }
        List<String> last = client.taskLog(upid, 1);
        if (!last.isEmpty() && PROGRESS.matcher(last.get(last.size() - 1)).find()) {
            store.stepProgress(operation.id(), position, last.get(last.size() - 1), clock.instant());
        }
    }

    /** A task log line that says how far the task got: "… (42.00%)". */
    private static final java.util.regex.Pattern PROGRESS = java.util.regex.Pattern.compile("\\(\\d+(?:\\.\\d+)?%\\)");

    /** One look at a task of a yielding handler; pauses the operation while it runs. */
    private TaskResult lookAtTask(ProxmoxClient client, Upid upid, Duration timeout) {
        Instant deadline = startedOrNow().plus(timeout);
        Optional<TaskResult> result = client.taskResult(upid, deadline);
        if (result.isPresent()) {
            return result.get();
        }
        // a task that failed or ran past its deadline throws: the poller takes that as ready too
        throw new OperationPause(TASK_LOOK, () -> client.taskResult(upid, deadline).isPresent());
    }

    @Override
    public <T> T await(Duration timeout, Duration interval, Look<T> look, Supplier<? extends Exception> late)
            throws Exception {
        if (yielding && currentStarted == null) {
            // outside a step nothing records where the wait began, and its deadline would never come
            throw new IllegalStateException("A handler that yields awaits inside a step");
        }
        // a yielding handler's deadline counts from the step's start, which its earlier firings recorded
        Instant deadline = (yielding ? startedOrNow() : clock.instant()).plus(timeout);
        while (true) {
            T found = look.look();
            if (found != null) {
                return found;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw late.get();
            }
            if (yielding) {
                throw new OperationPause(interval,
                        () -> look.look() != null || !clock.instant().isBefore(deadline));
            }
            Thread.sleep(interval.toMillis());
        }
    }

    @Override
    public boolean begun(String name) {
        return earlier.containsKey(name);
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
        if (earlier.containsKey(name)) {
            return;
        }
        int position = store.startStep(operation.id(), name, clock.instant());
        store.finishStep(operation.id(), position, StepState.SKIPPED, reason, clock.instant());
    }

    private Instant startedOrNow() {
        return currentStarted != null ? currentStarted : clock.instant();
    }

    /** A step's work carried on with the UPID an earlier firing started. */
    @FunctionalInterface
    private interface UpidWork<T> {
        T run(Upid recorded) throws Exception;
    }
}
