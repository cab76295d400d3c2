package io.rigplane.proxmox;

import org.springframework.http.HttpStatus;

/** The guest agent cannot answer: the VM is not running, the agent not (yet) started, or it answered an error. */
public class ProxmoxAgentException extends ProxmoxException {

    public ProxmoxAgentException(String detail) {
        super(HttpStatus.CONFLICT, "guest-agent-unavailable", "Guest agent unavailable", detail);
    }
}
