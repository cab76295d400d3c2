package io.rigplane.access.token;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A token just made: the only answer that ever carries its secret, in {@code token}. */
public record IssuedToken(long id, String name, String owner, List<Scope> scopes, Instant createdAt,
        @Nullable Instant expiresAt,
        @Schema(description = "The bearer secret. Shown in this answer only; Rigplane keeps just its hash.")
        String token) {

    public static IssuedToken of(TokenView view, String secret) {
        return new IssuedToken(view.id(), view.name(), view.owner(), view.scopes(), view.createdAt(),
                view.expiresAt(), secret);
    }
}
