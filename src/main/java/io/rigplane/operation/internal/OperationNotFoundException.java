package io.rigplane.operation.internal;

import io.rigplane.system.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No operation has that id. */
public class OperationNotFoundException extends ProblemException {

    public OperationNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "operation-not-found", "Operation not found", "There is no operation " + id);
    }
}
