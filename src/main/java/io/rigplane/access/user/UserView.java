package io.rigplane.access.user;

import java.time.Instant;

/**
 * A user as the API and the dashboard show it; the password hash never leaves the module.
 * {@code singleSignOn}: the user signs in through the identity provider and has no password here.
 */
public record UserView(String username, Role role, Instant createdAt, Instant passwordChangedAt,
        boolean singleSignOn) {

    public static UserView of(UserAccount user) {
        return new UserView(user.username(), user.role(), user.createdAt(), user.passwordChangedAt(),
                user.isSingleSignOn());
    }
}
