package io.rigplane.notification;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** Another target has that name already. */
class TargetNameTakenException extends ProblemException {

    TargetNameTakenException(String name) {
        super(HttpStatus.CONFLICT, "notification-target-exists", "Notification target exists",
                "Another notification target is called " + name);
    }
}
