package io.rigplane.proxmox;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The VM is locked ({@code VM is locked (snapshot)}) or its config file lock stayed busy
 * ({@code can't lock file … got timeout}). Proxmox changed nothing, so the call may be repeated later.
 */
public class ProxmoxLockedException extends ProxmoxException {

    private final String lock;
    private final @Nullable String node;
    private final @Nullable Integer vmid;

    public ProxmoxLockedException(String lock, String detail) {
        this(lock, detail, null, null);
    }

    /** A refusal of a call on one VM ({@code /nodes/{node}/qemu/{vmid}/…}), which says which VM holds the lock. */
    public ProxmoxLockedException(String lock, String detail, @Nullable String node, @Nullable Integer vmid) {
        super(HttpStatus.CONFLICT, "proxmox-locked", "VM locked on Proxmox", detail);
        this.lock = lock;
        this.node = node;
        this.vmid = vmid;
    }

    /** The node of the locked VM, when the refused call named it. */
    public @Nullable String node() {
        return node;
    }

    /** The locked VM, when the refused call named it. */
    public @Nullable Integer vmid() {
        return vmid;
    }

    /** The lock's name ({@code snapshot}, {@code backup}, {@code create}, …) or {@code config} for the file lock. */
    public String lock() {
        return lock;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("lock", lock);
    }
}
