package io.rigplane.access.sso;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenID Connect provider ({@code RIGPLANE_OIDC_*}); single sign-on is on when {@code issuer}
 * is set. Group names in {@code roleClaim} give the role; the highest mapped group wins.
 */
@ConfigurationProperties("rigplane.oidc")
public record SsoProperties(@DefaultValue("") String issuer, @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret, @DefaultValue("groups") String roleClaim,
        @DefaultValue("rigplane-admins") List<String> adminGroups,
        @DefaultValue("rigplane-operators") List<String> operatorGroups,
        @DefaultValue("rigplane-viewers") List<String> viewerGroups,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("single sign-on") String displayName) {

    public boolean configured() {
        return !issuer.isBlank();
    }
}
