package io.rigplane.proxmox;

import org.springframework.http.HttpStatus;

/** The VM, its config, a snapshot or another object does not exist on Proxmox. */
public class ProxmoxNotFoundException extends ProxmoxException {

    public ProxmoxNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, "proxmox-not-found", "Not found on Proxmox", detail);
    }
}
