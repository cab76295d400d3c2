package io.rigplane.operation.internal;

import io.rigplane.proxmox.ProxmoxException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A task kept failing on a VM lock (or Proxmox kept not answering, where that is waited out too)
 * until the lock-retry deadline. Proxmox changed nothing, as with every lock failure.
 */
public class VmStillLockedException extends ProxmoxException {

    public VmStillLockedException(String step, int attempts, Duration deadline, String last) {
        super(HttpStatus.CONFLICT, "vm-locked", "VM stayed locked", step + ": gave up after " + attempts
                + " attempts in " + words(deadline) + "; last: " + last);
    }

    private static String words(Duration deadline) {
        long seconds = deadline.toSeconds();
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " min" : deadline.toMillis() % 1000 == 0
                ? seconds + " s" : deadline.toMillis() + " ms";
    }
}
