package io.rigplane.access;

import io.rigplane.access.security.AccessProblems;
import io.rigplane.access.security.Caller;
import io.rigplane.access.token.ApiTokenAuthentication;
import io.rigplane.access.token.DeviceAuthentication;
import io.rigplane.access.user.UserAccount;
import io.rigplane.access.user.UserAccountRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one reader of the current request's security context: who acts (for the audit trail and
 * operations) and, inside this module, what they may do as a {@link Caller}.
 */
@Component
public class CurrentActor {

    private final UserAccountRepository users;

    CurrentActor(UserAccountRepository users) {
        this.users = users;
    }

    public Actor get() {
        Authentication authentication = authentication();
        if (authentication == null) {
            return Actor.system();
        }
        if (authentication instanceof ApiTokenAuthentication token) {
            return new Actor(Actor.Type.TOKEN, token.getName());
        }
        if (authentication instanceof DeviceAuthentication device) {
            return new Actor(Actor.Type.DEVICE, device.getName());
        }
        return new Actor(Actor.Type.USER, authentication.getName());
    }

    /**
     * The caller with their rights; a dashboard user's role is read fresh from the database, a
     * token's came with its verification (kept up to date by {@code VerifiedTokens}).
     */
    public Caller caller() {
        Authentication authentication = authentication();
        if (authentication instanceof ApiTokenAuthentication token) {
            return token.caller();
        }
        if (authentication instanceof DeviceAuthentication) {
            // a device is no user: its name may even be a user's, so it must never be looked up as one
            throw new AccessProblems.NotAllowed("A device token may only manage its own sessions");
        }
        if (authentication == null) {
            throw new AccessProblems.NotAllowed("Not signed in");
        }
        UserAccount user = users.findByUsername(authentication.getName())
                .orElseThrow(() -> new AccessProblems.NotAllowed("The signed-in user no longer exists"));
        return new Caller(user.username(), user.role(), user.role().scopes(), null);
    }

    private static @Nullable Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? null : authentication;
    }
}
