package io.rigplane.proxmox;

import org.springframework.http.HttpStatus;

/**
 * Proxmox could not be reached or answered with a server error: connection refused, TLS failure,
 * 5xx, 595 (node unreachable or offline), 596 (proxied call timed out).
 */
public class ProxmoxUnavailableException extends ProxmoxException {

    private final int proxmoxStatus;

    public ProxmoxUnavailableException(int proxmoxStatus, String detail) {
        super(proxmoxStatus == 0 ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY, "proxmox-unavailable",
                "Proxmox unavailable", detail);
        this.proxmoxStatus = proxmoxStatus;
    }

    /** The HTTP status Proxmox answered with, or 0 when no answer came. */
    public int proxmoxStatus() {
        return proxmoxStatus;
    }
}
