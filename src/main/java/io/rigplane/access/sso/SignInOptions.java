package io.rigplane.access.sso;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which ways into the dashboard are open: the password form ({@code RIGPLANE_LOCAL_SIGN_IN}) and
 * single sign-on. Turning the form off without single sign-on would lock everyone out, so it
 * stops the start instead.
 */
@Component
public class SignInOptions {

    private final boolean local;
    private final SsoProperties sso;

    public SignInOptions(@Value("${rigplane.local-sign-in:true}") boolean local, SsoProperties sso) {
        if (!local && !sso.configured()) {
            throw new IllegalStateException("RIGPLANE_LOCAL_SIGN_IN=false needs single sign-on "
                    + "(RIGPLANE_OIDC_ISSUER, RIGPLANE_OIDC_CLIENT_ID, RIGPLANE_OIDC_CLIENT_SECRET): "
                    + "otherwise nobody could sign in to the dashboard");
        }
        if (sso.configured() && sso.clientId().isBlank()) {
            throw new IllegalStateException("RIGPLANE_OIDC_ISSUER is set but RIGPLANE_OIDC_CLIENT_ID is not");
        }
        this.local = local;
        this.sso = sso;
    }

    /** Whether local users may sign in with their password on the dashboard. */
    public boolean local() {
        return local;
    }

    /** The name of the single sign-on button, or null when single sign-on is off. */
    public @Nullable String singleSignOn() {
        return sso.configured() ? sso.displayName() : null;
    }
}
