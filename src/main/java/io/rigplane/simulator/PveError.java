package io.rigplane.simulator;

import java.util.Map;

/** An error answered the way Proxmox VE answers it: status, reason phrase and, for 400, per-parameter errors. */
final class PveError extends RuntimeException {

    private final int status;
    private final Map<String, String> errors;

    PveError(int status, String message, Map<String, String> errors) {
        super(message);
        this.status = status;
        this.errors = errors;
    }

    static PveError server(String message) {
        return new PveError(500, message, null);
    }

    static PveError parameters(Map<String, String> errors) {
        return new PveError(400, "Parameter verification failed.", errors);
    }

    static PveError parameter(String name, String message) {
        return parameters(Map.of(name, message));
    }

    int status() {
        return status;
    }

    Map<String, String> errors() {
        return errors;
    }
}
