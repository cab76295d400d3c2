package io.rigplane.access;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who makes the current request and what they may do, whether they came through the dashboard
 * (their role's scopes) or with a token (its effective scopes and its expiry).
 */
record Caller(String username, Role role, Set<Scope> scopes, @Nullable Instant expiresAt) {

    boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    boolean isAdmin() {
        return has(Scope.ADMIN);
    }
}
