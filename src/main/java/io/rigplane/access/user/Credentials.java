package io.rigplane.access.user;

import io.rigplane.system.FieldError;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The rules for user names, token names and passwords, shared by the API and the dashboard. */
public final class Credentials {

    static final int MIN_PASSWORD = 12;
    /** Argon2 hashes whatever it gets: a cap keeps a huge password from costing CPU. */
    static final int MAX_PASSWORD = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
    /** Paths like /api/v1/users/me mean the caller, so nobody may be called that. */
    private static final List<String> RESERVED = List.of("me");

    private Credentials() {
    }

    public static void checkUsername(@Nullable String username, String field, List<FieldError> errors) {
        if (username == null || !USERNAME.matcher(username).matches() || RESERVED.contains(username)) {
            errors.add(new FieldError(field, "must be 1-64 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit (and not 'me')"));
        }
    }

    public static void checkPassword(@Nullable String password, String field, List<FieldError> errors) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD
                || password.length() > MAX_PASSWORD) {
            errors.add(new FieldError(field, "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters"));
        }
    }

    public static void checkTokenName(@Nullable String name, String field, List<FieldError> errors) {
        if (name == null || !TOKEN_NAME.matcher(name).matches()) {
            errors.add(new FieldError(field, "must be 1-64 letters, digits, spaces, '.', '_' or '-', "
                    + "starting with a letter or digit"));
        }
    }
}
