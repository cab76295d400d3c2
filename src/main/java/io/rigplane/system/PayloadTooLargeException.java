package io.rigplane.system;

import org.springframework.http.HttpStatus;

/** A request body over the configured limit; nothing of it is read further. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The request body is larger than " + limit + " bytes");
    }
}
