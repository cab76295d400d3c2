package io.rigplane.notification;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No notification target has that id. */
class TargetNotFoundException extends ProblemException {

    TargetNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "notification-target-not-found", "Notification target not found",
                "There is no notification target " + id);
    }
}
