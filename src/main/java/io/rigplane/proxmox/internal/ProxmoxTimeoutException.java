package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ProxmoxException;
import org.springframework.http.HttpStatus;

/** No answer within the read timeout, or a task still running when its wait ended. */
public class ProxmoxTimeoutException extends ProxmoxException {

    public ProxmoxTimeoutException(String detail) {
        super(HttpStatus.GATEWAY_TIMEOUT, "proxmox-timeout", "Proxmox timed out", detail);
    }
}
