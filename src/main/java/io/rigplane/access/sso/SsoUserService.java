package io.rigplane.access.sso;

import io.rigplane.access.user.Role;
import io.rigplane.access.user.SsoAccounts;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After the provider has vouched for an account (ID token checked, user info read): gives it the
 * role its groups map to and signs it in as its linked local user, or refuses it.
 */
final class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final SsoAccounts accounts;
    private final SsoRoles roles;
    private final String roleClaim;

    SsoUserService(SsoAccounts accounts, SsoProperties properties) {
        this.accounts = accounts;
        this.roles = new SsoRoles(properties);
        this.roleClaim = properties.roleClaim();
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser vouched = provider.loadUser(request);
        String issuer = vouched.getIdToken().getIssuer().toString();
        String subject = vouched.getSubject();
        String preferred = preferredName(vouched);
        List<String> groups = SsoRoles.groups(vouched.getClaims().get(roleClaim));
        Optional<Role> role = roles.roleOf(groups);
        if (role.isEmpty()) {
            throw new SsoRefusedException(accounts.refused(issuer, subject, preferred), roleClaim, groups);
        }
        String username;
        try {
            username = accounts.signIn(issuer, subject, preferred, role.get());
        } catch (DataIntegrityViolationException firstSignInElsewhere) {
            // the same account's first sign-in on two tabs or replicas at once: the other one linked it
            username = accounts.signIn(issuer, subject, preferred, role.get());
        }
        return new SsoUser(username, role.get(), vouched.getIdToken(), vouched.getUserInfo());
    }

    private static String preferredName(OidcUser user) {
        if (user.getPreferredUsername() != null && !user.getPreferredUsername().isBlank()) {
            return user.getPreferredUsername();
        }
        if (user.getEmail() != null && user.getEmail().contains("@")) {
            return user.getEmail().substring(0, user.getEmail().indexOf('@'));
        }
        return user.getSubject();
    }
}
