package io.rigplane.proxmox;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Proxmox refused a config key or device only {@code root@pam} itself may set, never an API token:
 * qemu-server dies with {@code only root can set 'args' config} or {@code only root can set
 * 'hostpci0' config for non-mapped devices} (HTTP 500, or the task's exit status). Repeating the
 * call cannot help; Rigplane's profiles should never send such a key.
 */
public class ProxmoxRootOnlyException extends ProxmoxException {

    private final @Nullable String key;

    public ProxmoxRootOnlyException(@Nullable String key, String detail) {
        super(HttpStatus.BAD_GATEWAY, "proxmox-root-only", "Only root@pam may set this on Proxmox", detail);
        this.key = key;
    }

    /** The config key refused ({@code args}, {@code hostpci0} …), when the text names it. */
    public @Nullable String key() {
        return key;
    }

    @Override
    protected Map<String, Object> properties() {
        return key == null ? Map.of() : Map.of("key", key);
    }
}
