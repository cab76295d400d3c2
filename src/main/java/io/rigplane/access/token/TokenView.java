package io.rigplane.access.token;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A token as the API and the dashboard list it: never its secret, nor the secret's hash. */
public record TokenView(long id, String name, String owner, List<Scope> scopes, Instant createdAt,
        @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public static TokenView of(ApiToken token) {
        return new TokenView(token.id(), token.name(), token.owner().username(),
                token.scopes().stream().sorted().toList(), token.createdAt(), token.expiresAt(),
                token.lastUsedAt(), token.revokedAt());
    }
}
