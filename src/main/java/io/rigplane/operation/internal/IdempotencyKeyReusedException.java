package io.rigplane.operation.internal;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** An Idempotency-Key sent again with a different request. */
public class IdempotencyKeyReusedException extends ProblemException {

    public IdempotencyKeyReusedException(String key) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                "Idempotency-Key '" + key + "' was used in the last 24 hours for a different request");
    }
}
