package io.rigplane.access.sso;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** The provider signed the person in, but none of their groups is mapped to a Rigplane role. */
final class SsoRefusedException extends OAuth2AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final List<String> groups;

    SsoRefusedException(String username, String claim, List<String> groups) {
        super(new OAuth2Error("rigplane_no_role"), "no group in claim '" + claim + "' is mapped to a role");
        this.username = username;
        this.groups = List.copyOf(groups);
    }

    String username() {
        return username;
    }

    List<String> groups() {
        return groups;
    }
}
