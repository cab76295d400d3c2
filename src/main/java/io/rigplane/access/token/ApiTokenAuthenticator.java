package io.rigplane.access.token;

import io.rigplane.access.user.Role;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Finds the script token a bearer secret stands for, if it is known, unrevoked and unexpired. */
@Component
@Order(100)
public class ApiTokenAuthenticator implements BearerCredentials {

    private final ApiTokenRepository tokens;
    private final Clock clock;

    public ApiTokenAuthenticator(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Optional<ApiTokenAuthentication> authenticate(String secret) {
        return tokens.findWithOwnerByTokenHash(TokenSecrets.hash(secret))
                .filter(token -> token.usableAt(clock.instant()))
                .map(token -> new ApiTokenAuthentication(token.id(), token.name(), token.owner().id(),
                        token.owner().username(), token.owner().role(),
                        effectiveScopes(token.scopes(), token.owner().role()), token.expiresAt()));
    }

    /**
     * The admin scope stands for every scope, so rules name only the scope they need; and the
     * owner's role caps the result, so demoting a user shrinks every token the user made at once.
     */
    public static Set<Scope> effectiveScopes(Set<Scope> given, Role ownerRole) {
        Set<Scope> effective = given.contains(Scope.ADMIN) ? EnumSet.allOf(Scope.class) : EnumSet.copyOf(given);
        effective.retainAll(ownerRole.scopes());
        return effective;
    }
}
