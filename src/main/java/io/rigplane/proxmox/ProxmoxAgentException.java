package io.rigplane.proxmox;

import org.springframework.http.HttpStatus;

/** The QEMU guest agent is not running yet, or answered a command with an error. */
public class ProxmoxAgentException extends ProxmoxException {

    public ProxmoxAgentException(String detail) {
        super(HttpStatus.CONFLICT, "guest-agent-unavailable", "Guest agent unavailable", detail);
    }
}
