package io.rigplane.proxmox;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The VM is locked ({@code VM is locked (snapshot)}) or its config file lock stayed busy
 * ({@code can't lock file … got timeout}). Proxmox changed nothing, so the call may be repeated later.
 */
public class ProxmoxLockedException extends ProxmoxException {

    private final String lock;

    public ProxmoxLockedException(String lock, String detail) {
        super(HttpStatus.CONFLICT, "proxmox-locked", "VM locked on Proxmox", detail);
        this.lock = lock;
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
