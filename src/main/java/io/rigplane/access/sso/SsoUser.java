package io.rigplane.access.sso;

import io.rigplane.access.user.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A provider's account signed in as its linked local user: named as that user (so the rest of
 * Rigplane sees an ordinary dashboard user), keeping the ID token for signing out at the provider.
 */
public final class SsoUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final String username;

    SsoUser(String username, Role role, OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
        super(List.of(new SimpleGrantedAuthority(role.authority())), idToken, userInfo);
        this.username = username;
    }

    /** The local user name, not the provider's subject. */
    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SsoUser user && user.username.equals(username) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + username.hashCode();
    }
}
