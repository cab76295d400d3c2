package io.rigplane.access;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The problems the access module answers with; each kind has its stable type URI. */
final class AccessProblems {

    private AccessProblems() {
    }

    static final class UserNotFound extends ProblemException {
        UserNotFound(String username) {
            super(HttpStatus.NOT_FOUND, "user-not-found", "No such user", "There is no user " + username);
        }
    }

    static final class UserExists extends ProblemException {
        UserExists(String username) {
            super(HttpStatus.CONFLICT, "user-exists", "User exists", "There is already a user " + username);
        }
    }

    static final class LastAdmin extends ProblemException {
        LastAdmin(String username) {
            super(HttpStatus.CONFLICT, "last-admin", "Last admin",
                    username + " is the last admin; make another user admin first");
        }
    }

    static final class TokenNotFound extends ProblemException {
        TokenNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "token-not-found", "No such token", "There is no token " + id + " of yours");
        }
    }

    static final class TokenExists extends ProblemException {
        TokenExists(String name) {
            super(HttpStatus.CONFLICT, "token-exists", "Token exists", "You already have a token named " + name);
        }
    }

    /** A request for more than the caller may do, or may hand on to a token. */
    static final class NotAllowed extends ProblemException {
        NotAllowed(String detail) {
            super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
        }
    }
}
