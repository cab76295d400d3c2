package io.rigplane.profile;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No profile has that name. */
public class ProfileNotFoundException extends ProblemException {

    public ProfileNotFoundException(String name) {
        super(HttpStatus.NOT_FOUND, "profile-not-found", "Profile not found", "There is no profile named '" + name + "'");
    }
}
