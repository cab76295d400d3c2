package io.rigplane.system;

import org.springframework.http.HttpStatus;

/** An {@code If-Match} that names another version than the current one. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String resource, String currentEtag) {
        super(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                resource + " has changed: its ETag is now " + currentEtag + "; read it again and retry");
    }
}
