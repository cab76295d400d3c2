package io.rigplane.access.sso;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * After the local sign-out: a single sign-on user is sent on to the provider's
 * {@code end_session_endpoint} (when it offers one) to sign out there too, and comes back to the
 * sign-in page; a local user goes straight there.
 */
final class SsoSignOut implements LogoutSuccessHandler {

    private static final String SIGNED_OUT = "/login?logout";

    private final OidcClientInitiatedLogoutSuccessHandler atProvider;
    private final SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();

    SsoSignOut(ClientRegistrationRepository registrations) {
        atProvider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        atProvider.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        atProvider.setDefaultTargetUrl(SIGNED_OUT);
        local.setDefaultTargetUrl(SIGNED_OUT);
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
            @Nullable Authentication authentication) throws IOException, ServletException {
        if (authentication != null && authentication.getPrincipal() instanceof SsoUser user) {
            atProvider.onLogoutSuccess(request, response,
                    new OAuth2AuthenticationToken(user, authentication.getAuthorities(), DiscoveredRegistration.ID));
        } else {
            local.onLogoutSuccess(request, response, authentication);
        }
    }
}
