package io.rigplane.access.token;

import io.rigplane.access.security.Caller;
import io.rigplane.access.user.Role;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API request authenticated by a script token; its authorities are the token's effective
 * scopes: those it was given, cut down to what its owner's role allows today.
 */
public class ApiTokenAuthentication extends BearerAuthentication {

    private final Long tokenId;
    private final long ownerId;
    private final String tokenName;
    private final String owner;
    private final Role role;
    private final Set<Scope> scopes;
    private final @Nullable Instant expiresAt;

    public ApiTokenAuthentication(Long tokenId, String tokenName, long ownerId, String owner, Role role,
            Set<Scope> scopes, @Nullable Instant expiresAt) {
        super(scopes.stream().map(scope -> new SimpleGrantedAuthority(scope.authority())).collect(Collectors.toList()));
        this.tokenId = tokenId;
        this.ownerId = ownerId;
        this.tokenName = tokenName;
        this.owner = owner;
        this.role = role;
        this.scopes = Set.copyOf(scopes);
        this.expiresAt = expiresAt;
    }

    @Override
    public boolean usableAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    @Override
    public boolean ownedBy(long userId) {
        return ownerId == userId;
    }

    @Override
    public LastUses.Token usedToken() {
        return new LastUses.Token(LastUses.Table.API_TOKEN, tokenId);
    }

    @Override
    public Object getPrincipal() {
        return owner;
    }

    /** Audit name of the token: its owner and its own name, never its secret. */
    @Override
    public String getName() {
        return owner + "/" + tokenName;
    }

    public Long tokenId() {
        return tokenId;
    }

    public Caller caller() {
        return new Caller(owner, role, scopes, expiresAt);
    }
}
