package io.rigplane.access.token;

import java.time.Instant;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a verified bearer token stands for. Kept in {@link VerifiedTokens} and shared by the
 * requests that present the same token, so it never changes after it is made.
 */
public abstract class BearerAuthentication extends AbstractAuthenticationToken {

    protected BearerAuthentication(Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        setAuthenticated(true);
    }

    /** False once the token expired; checked on every request, cached or not. */
    public abstract boolean usableAt(Instant now);

    /** Whether the token acts for this user, whose change (role, deletion) must end its cached verification. */
    public abstract boolean ownedBy(long userId);

    /** The row whose {@code last_used_at} records this token's use. */
    public abstract LastUses.Token usedToken();

    @Override
    public Object getCredentials() {
        return "";
    }
}
