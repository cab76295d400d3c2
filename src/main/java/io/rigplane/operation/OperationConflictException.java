package io.rigplane.operation;

import io.rigplane.system.ProblemException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Another operation on the same target is queued or running: one at a time per VM. */
public class OperationConflictException extends ProblemException {

    private final UUID running;

    public OperationConflictException(String target, UUID running) {
        super(HttpStatus.CONFLICT, "operation-in-progress", "Operation in progress",
                "Operation " + running + " is still working on " + target + "; wait for it to finish");
        this.running = running;
    }

    public UUID running() {
        return running;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("operationId", running.toString(), "operation", "/api/v1/operations/" + running);
    }
}
