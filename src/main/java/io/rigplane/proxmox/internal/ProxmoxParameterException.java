package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.system.FieldError;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Proxmox refused parameters ({@code 400 Parameter verification failed.}); one message per parameter. */
public class ProxmoxParameterException extends ProxmoxException {

    private final List<FieldError> errors;

    public ProxmoxParameterException(String detail, List<FieldError> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "proxmox-parameter", "Proxmox refused a parameter", detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
