package io.rigplane.operation;

import io.rigplane.proxmox.ProxmoxException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The VM carries a {@code snapshot-delete} lock left by a deletion that never finished. Waiting does
 * not clear it, so it is reported at once, with what to do on the node.
 */
public class VmLockStuckException extends ProxmoxException {

    public static final String LOCK = "snapshot-delete";

    public VmLockStuckException(@Nullable Integer vmid) {
        super(HttpStatus.CONFLICT, "snapshot-delete-lock", "VM stuck in snapshot-delete", stuck(vmid));
    }

    private static String stuck(@Nullable Integer vmid) {
        String id = vmid == null ? "<vmid>" : vmid.toString();
        return (vmid == null ? "The VM" : "VM " + vmid) + " is stuck in a snapshot-delete lock (a deletion that did"
                + " not finish); Rigplane does not retry it. On the node: qm unlock " + id
                + ", then delete the half-deleted snapshot with --force";
    }
}
