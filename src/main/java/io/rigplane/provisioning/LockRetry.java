package io.rigplane.provisioning;

import io.rigplane.proxmox.TaskFailedException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a Proxmox task again while it fails on a VM lock held by someone else. Such a task failed
 * before changing anything (Proxmox takes the lock first), so running it again is safe.
 */
final class LockRetry {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    private LockRetry() {
    }

    interface Task<T> {
        T run() throws Exception;
    }

    static <T> T run(Task<T> task) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        long backoff = 250;
        while (true) {
            try {
                return task.run();
            } catch (TaskFailedException e) {
                if (!e.lockContention() || System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw e;
                }
                Thread.sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                backoff = Math.min(backoff * 2, 4000);
            }
        }
    }
}
