package io.rigplane.snapshot;

import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxLockedException;
import io.rigplane.proxmox.ProxmoxUnavailableException;
import io.rigplane.proxmox.TaskFailedException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Runs a snapshot task again while the VM is locked by someone else (a backup, another snapshot) or
 * Proxmox did not answer, with growing pauses, until a deadline. A VM stuck in a
 * {@code snapshot-delete} lock is reported at once: that lock does not go away by waiting.
 */
final class VmLocks {

    static final String STUCK = "snapshot-delete";

    private final SnapshotProperties properties;

    VmLocks(SnapshotProperties properties) {
        this.properties = properties;
    }

    interface Attempt<T> {
        /** Returns the result, or null to be tried again after a pause. */
        @Nullable T run() throws Exception;
    }

    <T> T retry(ProxmoxClient client, String node, int vmid, String what, Attempt<T> attempt) throws Exception {
        long deadline = System.nanoTime() + properties.lockDeadline().toNanos();
        long pause = properties.firstBackoff().toMillis();
        int attempts = 0;
        String last = "no answer";
        while (true) {
            attempts++;
            try {
                String lock = client.status(node, vmid).lock();
                if (STUCK.equals(lock)) {
                    throw new StuckLockException(vmid);
                }
                if (lock != null) {
                    last = "VM is locked (" + lock + ")";
                } else {
                    T result = attempt.run();
                    if (result != null) {
                        return result;
                    }
                    last = "the snapshot was still being taken";
                }
            } catch (TaskFailedException e) {
                if (e.exitStatus().contains("(" + STUCK + ")")) {
                    throw new StuckLockException(vmid);
                }
                if (!e.lockContention()) {
                    throw e;
                }
                last = e.exitStatus();
            } catch (ProxmoxLockedException e) {
                if (STUCK.equals(e.lock())) {
                    throw new StuckLockException(vmid);
                }
                last = e.getMessage();
            } catch (ProxmoxUnavailableException e) {
                last = e.getMessage();
            }
            if (System.nanoTime() + pause * 1_000_000 > deadline) {
                throw new StillLockedException(vmid, what, attempts, properties.lockDeadline(), last);
            }
            Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause / 4 + 1));
            pause = Math.min(pause * 2, properties.maxBackoff().toMillis());
        }
    }

    /** The VM stayed locked (or Proxmox unreachable) until the deadline. */
    static class StillLockedException extends io.rigplane.system.ProblemException {
        StillLockedException(int vmid, String what, int attempts, Duration deadline, String last) {
            super(org.springframework.http.HttpStatus.CONFLICT, "snapshot-vm-locked", "VM stayed locked",
                    what + " of VM " + vmid + " gave up after " + attempts + " attempts in " + deadline
                            + "; last: " + last);
        }
    }

    /** The VM carries a {@code snapshot-delete} lock left by a deletion that never finished. */
    static class StuckLockException extends io.rigplane.system.ProblemException {
        StuckLockException(int vmid) {
            super(org.springframework.http.HttpStatus.CONFLICT, "snapshot-delete-lock", "VM stuck in snapshot-delete",
                    "VM " + vmid + " is stuck in a snapshot-delete lock (a deletion that did not finish); Rigplane"
                            + " does not retry it. On the node: qm unlock " + vmid
                            + ", then delete the half-deleted snapshot with --force");
        }
    }
}
