package io.rigplane.access.security;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The problems the access module answers with; each kind has its stable type URI. */
public final class AccessProblems {

    private AccessProblems() {
    }

    public static final class UserNotFound extends ProblemException {
        public UserNotFound(String username) {
            super(HttpStatus.NOT_FOUND, "user-not-found", "No such user", "There is no user " + username);
        }
    }

    public static final class UserExists extends ProblemException {
        public UserExists(String username) {
            super(HttpStatus.CONFLICT, "user-exists", "User exists", "There is already a user " + username);
        }
    }

    public static final class LastAdmin extends ProblemException {
        public LastAdmin(String username) {
            super(HttpStatus.CONFLICT, "last-admin", "Last admin",
                    username + " is the last admin; make another user admin first");
        }
    }

    public static final class TokenNotFound extends ProblemException {
        public TokenNotFound(long id) {
            super(HttpStatus.NOT_FOUND, "token-not-found", "No such token", "There is no token " + id + " of yours");
        }
    }

    public static final class TokenExists extends ProblemException {
        public TokenExists(String name) {
            super(HttpStatus.CONFLICT, "token-exists", "Token exists", "You already have a token named " + name);
        }
    }

    /** A password change for a user whose password is the identity provider's, not Rigplane's. */
    public static final class PasswordAtProvider extends ProblemException {
        public PasswordAtProvider(String username) {
            super(HttpStatus.CONFLICT, "password-at-provider", "Password at the identity provider",
                    username + " signs in through single sign-on and has no Rigplane password; "
                            + "the password is changed at the identity provider");
        }
    }

    /** A request for more than the caller may do, or may hand on to a token. */
    public static final class NotAllowed extends ProblemException {
        public NotAllowed(String detail) {
            super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
        }
    }
}
