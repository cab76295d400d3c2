package io.rigplane.access.security;

import io.rigplane.access.token.Scope;
import io.rigplane.access.user.Role;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who makes the current request and what they may do, whether they came through the dashboard
 * (their role's scopes) or with a token (its effective scopes and its expiry).
 */
public record Caller(String username, Role role, Set<Scope> scopes, @Nullable Instant expiresAt) {

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean isAdmin() {
        return has(Scope.ADMIN);
    }
}
