package io.rigplane.proxmox;

import org.springframework.http.HttpStatus;

/**
 * The config digest sent with a change no longer matched: someone else changed the VM's config
 * meanwhile. qemu-server says {@code checksum mismatch (file change by other user?)} for config
 * and resize, other endpoints {@code detected modified configuration - file changed by other user?
 * Try again.} Nothing was changed; read the config again and decide anew.
 */
public class ProxmoxConfigChangedException extends ProxmoxException {

    public ProxmoxConfigChangedException(String detail) {
        super(HttpStatus.CONFLICT, "proxmox-config-changed", "VM config changed meanwhile on Proxmox", detail);
    }
}
