package io.rigplane.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the {@link Caller} of the current request; the dashboard's role is read fresh. */
@Component
class Callers {

    private final UserAccountRepository users;

    Callers(UserAccountRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ApiTokenAuthentication token) {
            return token.caller();
        }
        if (authentication instanceof DeviceAuthentication) {
            // a device is no user: its name may even be a user's, so it must never be looked up as one
            throw new AccessProblems.NotAllowed("A device token may only manage its own sessions");
        }
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessProblems.NotAllowed("Not signed in");
        }
        UserAccount user = users.findByUsername(authentication.getName())
                .orElseThrow(() -> new AccessProblems.NotAllowed("The signed-in user no longer exists"));
        return new Caller(user.username(), user.role(), user.role().scopes(), null);
    }
}
