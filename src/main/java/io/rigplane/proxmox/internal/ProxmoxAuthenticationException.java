package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ProxmoxException;
import org.springframework.http.HttpStatus;

/**
 * Proxmox refused the API token (401) or its permissions (403). A server-side misconfiguration to
 * Rigplane's callers, hence 502 rather than 401.
 */
public class ProxmoxAuthenticationException extends ProxmoxException {

    private final int proxmoxStatus;

    public ProxmoxAuthenticationException(int proxmoxStatus, String detail) {
        super(HttpStatus.BAD_GATEWAY, "proxmox-authentication", "Proxmox refused the API token", detail);
        this.proxmoxStatus = proxmoxStatus;
    }

    /** 401 (token unknown or wrong secret) or 403 (permission missing). */
    public int proxmoxStatus() {
        return proxmoxStatus;
    }
}
