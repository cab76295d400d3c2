package io.rigplane.access.token;

import io.rigplane.access.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens", description = "Bearer tokens for scripts; a token never exceeds its owner's role")
public class TokenApi {

    private final TokenIssuer issuer;
    private final CurrentActor currentActor;

    public TokenApi(TokenIssuer issuer, CurrentActor currentActor) {
        this.issuer = issuer;
        this.currentActor = currentActor;
    }

    public record TokenList(List<TokenView> items) {
    }

    public record NewToken(@Nullable String name, @Nullable List<Scope> scopes, @Nullable Instant expiresAt) {
    }

    @PostMapping
    @Operation(summary = "Make a token for the caller; the answer's token field is shown this once only",
            description = "Scopes: profiles:read, profiles:write, power, snapshots, sessions, admin. At most the "
                    + "caller's own scopes, and no later expiry than the calling token's.")
    public ResponseEntity<IssuedToken> create(@RequestBody NewToken token) {
        IssuedToken issued = issuer.issue(currentActor.caller(), token.name(), token.scopes(), token.expiresAt());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id())).body(issued);
    }

    @GetMapping
    @Operation(summary = "List the caller's tokens (an admin's: everybody's), with their last use; never a secret")
    public TokenList list() {
        return new TokenList(issuer.list(currentActor.caller()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token at once; revoking twice is fine")
    public ResponseEntity<Void> revoke(@PathVariable long id) {
        issuer.revoke(currentActor.caller(), id);
        return ResponseEntity.noContent().build();
    }
}
