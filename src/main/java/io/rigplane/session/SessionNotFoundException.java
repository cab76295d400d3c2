package io.rigplane.session;

import io.rigplane.system.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No such session, or not one the caller may see (a device sees only its own). */
class SessionNotFoundException extends ProblemException {

    SessionNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "session-not-found", "Session not found", "There is no session " + id);
    }
}
