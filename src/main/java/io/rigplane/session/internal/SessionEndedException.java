package io.rigplane.session.internal;

import io.rigplane.system.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** A heartbeat for a session that has already ended: the client should open a new one. */
class SessionEndedException extends ProblemException {

    SessionEndedException(UUID id, SessionState state) {
        super(HttpStatus.CONFLICT, "session-ended", "Session ended",
                "Session " + id + " is " + state + "; open a new session to stream again");
    }
}
