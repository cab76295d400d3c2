package io.rigplane.session.internal;

import io.rigplane.system.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No such session, or not one the caller may see (a device sees only its own). */
public class SessionNotFoundException extends ProblemException {

    public SessionNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "session-not-found", "Session not found", "There is no session " + id);
    }
}
