package io.rigplane.operation.internal;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.ProxmoxTask;
import io.rigplane.operation.VmLockStuckException;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.proxmox.ProxmoxLockedException;
import io.rigplane.proxmox.ProxmoxUnavailableException;
import io.rigplane.proxmox.TaskFailedException;
import io.rigplane.proxmox.TaskResult;
import io.rigplane.proxmox.Upid;
import io.rigplane.system.Retry;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.stereotype.Component;

/**
 * Carries out {@link OperationContext#task}: starts the task, hands its UPID to the step, awaits it,
 * and starts it again while it fails on a VM lock, under the one lock-retry policy. A task that failed
 * on a lock changed nothing (Proxmox takes the lock first), so starting it again is safe. While a
 * named lock ({@code backup}, {@code snapshot}…) that failed the last attempt is still held, the next
 * attempts only read the VM's status instead of starting tasks that would fail the same way.
 */
@Component
@EnableConfigurationProperties(LockRetryProperties.class)
public class TaskSteps {

    private static final Logger log = LoggerFactory.getLogger(TaskSteps.class);

    private final LockRetryProperties properties;

    public TaskSteps(LockRetryProperties properties) {
        this.properties = properties;
    }

    /** The task's exit status, or the message of an earlier run's work that made it unnecessary. */
    public String run(String step, ProxmoxTask task, Consumer<Upid> started) throws Exception {
        return run(step, task, started, null, ProxmoxClient::await);
    }

    /**
     * Like {@link #run(String, ProxmoxTask, Consumer)}, waiting for the task with {@code wait}, and
     * awaiting {@code recorded} (the task an earlier firing started) before starting any.
     */
    public String run(String step, ProxmoxTask task, Consumer<Upid> started, @Nullable Upid recorded, TaskWait wait)
            throws Exception {
        RetryPolicy policy = Retry.backoff(properties.firstPause(), properties.maxPause(), properties.deadline(),
                failure -> retried(failure, task));
        LockedVm locked = new LockedVm();
        Upid[] resumed = {recorded};
        return Retry.run(policy, attempt -> {
            Upid earlier = resumed[0];
            resumed[0] = null;
            return once(step, task, started, locked, earlier, wait);
        }, (last, attempts) -> new VmStillLockedException(step, attempts, properties.deadline(), reason(last)));
    }

    private String once(String step, ProxmoxTask task, Consumer<Upid> started, LockedVm locked,
            @Nullable Upid earlier, TaskWait wait) throws Exception {
        ProxmoxClient client = task.client();
        locked.awaitReleased(client);
        try {
            Upid upid = earlier;
            if (upid == null) {
                ProxmoxTask.DoneCheck check = task.doneCheck();
                String done = check == null ? null : check.done();
                if (done != null) {
                    return done;
                }
                upid = task.start().start(client);
                if (upid == null) {
                    return "OK";
                }
                started.accept(upid);
            }
            return wait.await(client, upid, task.timeout()).exitStatus();
        } catch (ProxmoxException e) {
            if (stuck(e)) {
                throw new VmLockStuckException(e instanceof TaskFailedException failed ? vmid(failed.upid())
                        : ((ProxmoxLockedException) e).vmid());
            }
            if (retried(e, task)) {
                log.debug("{}: {}; trying again", step, e.getMessage());
                locked.remember(e);
                throw e;
            }
            ProxmoxTask.Recovery recovery = task.recovery();
            String recovered = recovery == null ? null : recovery.doneAfter(e);
            if (recovered != null) {
                return recovered;
            }
            throw e;
        }
    }

    /** How a step waits for its task: blocking in {@link ProxmoxClient#await}, or pausing the operation. */
    @FunctionalInterface
    public interface TaskWait {
        TaskResult await(ProxmoxClient client, Upid upid, Duration timeout) throws Exception;
    }

    /** A VM lock or a busy config file lock (and, where the task asks for it, Proxmox not answering). */
    public static boolean retried(Throwable failure, ProxmoxTask task) {
        if (failure instanceof TaskFailedException failed) {
            return failed.lockContention();
        }
        return failure instanceof ProxmoxLockedException
                || task.whileUnreachable() && failure instanceof ProxmoxUnavailableException;
    }

    /** The lock itself, whether the call was refused on it or its task failed on it, without the call's path. */
    private static String reason(Throwable last) {
        return last instanceof ProxmoxLockedException locked && !"config".equals(locked.lock())
                ? "VM is locked (" + locked.lock() + ")" : String.valueOf(last.getMessage());
    }

    private static boolean stuck(ProxmoxException e) {
        return e instanceof TaskFailedException failed && failed.exitStatus().contains("(" + VmLockStuckException.LOCK + ")")
                || e instanceof ProxmoxLockedException locked && VmLockStuckException.LOCK.equals(locked.lock());
    }

    private static @Nullable Integer vmid(Upid upid) {
        OptionalInt vmid = upid.vmid();
        return vmid.isPresent() ? vmid.getAsInt() : null;
    }

    /** The VM whose named lock failed the last attempt, looked at before the next one. */
    private static final class LockedVm {
        private @Nullable String node;
        private @Nullable Integer vmid;

        public void remember(ProxmoxException failure) {
            node = null;
            vmid = null;
            if (failure instanceof TaskFailedException failed && failed.exitStatus().contains("VM is locked")) {
                node = failed.upid().node();
                vmid = vmid(failed.upid());
            } else if (failure instanceof ProxmoxLockedException locked && !"config".equals(locked.lock())) {
                // qemu-server refuses the call itself before forking when the VM is locked
                node = locked.node();
                vmid = locked.vmid();
            }
        }

        /** Throws while the lock is still held; a status that cannot be read lets the task find out itself. */
        public void awaitReleased(ProxmoxClient client) {
            if (node == null || vmid == null) {
                return;
            }
            String lock;
            try {
                lock = client.status(node, vmid).lock();
            } catch (ProxmoxException unknown) {
                return;
            }
            if (lock == null) {
                node = null;
                vmid = null;
                return;
            }
            if (VmLockStuckException.LOCK.equals(lock)) {
                throw new VmLockStuckException(vmid);
            }
            throw new ProxmoxLockedException(lock, "VM is locked (" + lock + ")");
        }
    }
}
