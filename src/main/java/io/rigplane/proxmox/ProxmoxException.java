package io.rigplane.proxmox;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** Base of every error the Proxmox client reports; each subclass becomes a problem with a stable type. */
public abstract class ProxmoxException extends ProblemException {

    protected ProxmoxException(HttpStatus status, String kind, String title, String detail) {
        super(status, kind, title, detail);
    }
}
