package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.proxmox.TaskFailedException;
import io.rigplane.proxmox.TaskResult;
import io.rigplane.proxmox.Upid;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a task until it stops. Starts fast (most Rigplane tasks take a second or two) and slows to
 * one poll every 2 s, so hundreds of waits do not flood the cluster.
 */
public final class TaskWaiter {

    private static final Logger log = LoggerFactory.getLogger(TaskWaiter.class);
    private static final long FIRST_POLL_MS = 100;
    private static final long MAX_POLL_MS = 2000;
    static final int LOG_TAIL = 20;

    private final ProxmoxClient client;

    public TaskWaiter(ProxmoxClient client) {
        this.client = client;
    }

    public TaskResult await(Upid upid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long poll = FIRST_POLL_MS;
        while (true) {
            TaskStatus status = client.taskStatus(upid);
            if (!status.running()) {
                return outcome(upid, status, () -> tail(upid));
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new ProxmoxTimeoutException("task " + upid.type() + " on " + upid.node() + " still running after "
                        + timeout.toMillis() + " ms (" + upid.value() + ")");
            }
            sleep(Math.min(poll, left));
            poll = Math.min(poll * 3 / 2, MAX_POLL_MS);
        }
    }

    /** OK and WARNINGS: n succeed; any other exit status is the failure's reason, with the log's tail. */
    public static TaskResult outcome(Upid upid, TaskStatus status, Supplier<List<String>> tail) {
        String exit = status.exitStatus() == null ? "unknown" : status.exitStatus();
        if (status.succeeded()) {
            if (status.warnings() > 0) {
                log.info("task {} ended with {}", upid, exit);
            }
            return new TaskResult(upid, exit, status.warnings());
        }
        throw new TaskFailedException(upid, exit, tail.get());
    }

    /** The tail of a task's log, or a line saying why it could not be read. */
    public List<String> tail(Upid upid) {
        try {
            return client.taskLog(upid, LOG_TAIL);
        } catch (ProxmoxException e) {
            // the failure is what matters; a missing log must not hide it
            return List.of("(task log unavailable: " + e.getMessage() + ")");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProxmoxTimeoutException("interrupted while waiting for a task");
        }
    }
}
