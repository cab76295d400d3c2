package io.rigplane.operation;

import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.proxmox.TaskFailedException;
import io.rigplane.proxmox.Upid;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One Proxmox task for {@link OperationContext#task}: how to start it, how long it may run, and how
 * to recognise what an earlier, interrupted run of the operation already did. Immutable.
 */
public final class ProxmoxTask {

    private final ProxmoxClient client;
    private final Start start;
    private final Duration timeout;
    private final @Nullable DoneCheck doneCheck;
    private final @Nullable Recovery recovery;
    private final boolean whileUnreachable;
    private final boolean progress;

    private ProxmoxTask(ProxmoxClient client, Start start, Duration timeout, @Nullable DoneCheck doneCheck,
            @Nullable Recovery recovery, boolean whileUnreachable) {
        this(client, start, timeout, doneCheck, recovery, whileUnreachable, false);
    }

    private ProxmoxTask(ProxmoxClient client, Start start, Duration timeout, @Nullable DoneCheck doneCheck,
            @Nullable Recovery recovery, boolean whileUnreachable, boolean progress) {
        this.client = client;
        this.start = start;
        this.timeout = timeout;
        this.doneCheck = doneCheck;
        this.recovery = recovery;
        this.whileUnreachable = whileUnreachable;
        this.progress = progress;
    }

    /**
     * A long task whose log says how far it got ("… (42.00%)", as a migration's disk copy does): while
     * it runs, its step's message is the task's latest progress line.
     */
    public ProxmoxTask reportingProgress() {
        return new ProxmoxTask(client, start, timeout, doneCheck, recovery, whileUnreachable, true);
    }

    public boolean reportsProgress() {
        return progress;
    }

    /** The task that {@code start} starts on {@code client}'s cluster, awaited for at most {@code timeout}. */
    public static ProxmoxTask of(ProxmoxClient client, Start start, Duration timeout) {
        return new ProxmoxTask(client, start, timeout, null, null, false);
    }

    /**
     * Looked at before every attempt: a message when there is nothing left to do (the step succeeds
     * with it, no task is started), null to go on. It may throw {@code ProxmoxLockedException} to
     * wait, like for a VM lock, while an earlier run's task is still at work.
     */
    public ProxmoxTask unlessDone(DoneCheck check) {
        return new ProxmoxTask(client, start, timeout, check, recovery, whileUnreachable, progress);
    }

    /**
     * A failure that means the work was done after all (by an earlier run): the step succeeds with the
     * message {@code recovery} returns; null keeps the failure. Asked only for failures that are not retried.
     */
    public ProxmoxTask recover(Recovery recovery) {
        return new ProxmoxTask(client, start, timeout, doneCheck, recovery, whileUnreachable, progress);
    }

    /**
     * A task that fails with an exit status containing {@code exitStatusPart} had nothing to do: the
     * step succeeds with {@code message}. A shorthand for {@link #recover} (and replaces it).
     */
    public ProxmoxTask doneWhenFailedWith(String exitStatusPart, String message) {
        return recover(failure -> failure instanceof TaskFailedException failed
                && failed.exitStatus().contains(exitStatusPart) ? message : null);
    }

    /**
     * Proxmox not answering is waited out like a lock, within the same deadline. Only for tasks that
     * are safe to start twice (or that look first with {@link #unlessDone}): a start whose answer was
     * lost may have taken effect.
     */
    public ProxmoxTask retriedWhileUnreachable() {
        return new ProxmoxTask(client, start, timeout, doneCheck, recovery, true, progress);
    }

    public ProxmoxClient client() {
        return client;
    }

    public Start start() {
        return start;
    }

    public Duration timeout() {
        return timeout;
    }

    public @Nullable DoneCheck doneCheck() {
        return doneCheck;
    }

    public @Nullable Recovery recovery() {
        return recovery;
    }

    public boolean whileUnreachable() {
        return whileUnreachable;
    }

    /** Starts the task; null when the call did its work at once, without a task (a resize on old Proxmox). */
    @FunctionalInterface
    public interface Start {
        @Nullable Upid start(ProxmoxClient client) throws Exception;
    }

    /** See {@link #unlessDone}. */
    @FunctionalInterface
    public interface DoneCheck {
        @Nullable String done() throws Exception;
    }

    /** See {@link #recover}. */
    @FunctionalInterface
    public interface Recovery {
        @Nullable String doneAfter(ProxmoxException failure) throws Exception;
    }
}
