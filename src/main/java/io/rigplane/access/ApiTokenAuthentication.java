package io.rigplane.access;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** An API request authenticated by a bearer token; its authorities are the token's scopes. */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final Long tokenId;
    private final String tokenName;
    private final String owner;

    ApiTokenAuthentication(Long tokenId, String tokenName, String owner,
            Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.tokenId = tokenId;
        this.tokenName = tokenName;
        this.owner = owner;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
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

    Long tokenId() {
        return tokenId;
    }
}
