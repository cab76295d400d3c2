package io.rigplane.profile.platform;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No platform has that id. */
public class PlatformNotFoundException extends ProblemException {

    PlatformNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "platform-not-found", "Platform not found", "There is no platform '" + id + "'");
    }
}
