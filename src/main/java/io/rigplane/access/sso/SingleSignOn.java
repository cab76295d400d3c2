package io.rigplane.access.sso;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.web.util.UriComponentsBuilder;

/** Adds the OpenID Connect sign-in and the provider's sign-out to the dashboard's filter chain. */
public final class SingleSignOn {

    /** Where the sign-in page's button starts a sign-in at the provider. */
    public static final String START = "/oauth2/authorization/" + DiscoveredRegistration.ID;

    private final String issuer;
    private final ClientRegistrationRepository registrations;
    private final SsoUserService users;
    private final SsoOutcomes outcomes;

    SingleSignOn(String issuer, ClientRegistrationRepository registrations, SsoUserService users,
            SsoOutcomes outcomes) {
        this.issuer = issuer;
        this.registrations = registrations;
        this.users = users;
        this.outcomes = outcomes;
    }

    /**
     * Adds the sign-in and sign-out; the sign-out form may now lead on to the provider, which the
     * content security policy's {@code form-action} must allow, or the browser stops the redirect.
     */
    public void applyTo(HttpSecurity http, String contentSecurityPolicy) throws Exception {
        String provider = UriComponentsBuilder.fromUriString(issuer).replacePath(null).replaceQuery(null)
                .fragment(null).build().toUriString();
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        contentSecurityPolicy.replace("form-action 'self'", "form-action 'self' " + provider))))
                .oauth2Login(login -> login.loginPage("/login")
                        .clientRegistrationRepository(registrations)
                        // the provider's tokens are needed only for signing in: they live and die with the session
                        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                        .userInfoEndpoint(info -> info.oidcUserService(users))
                        .successHandler(outcomes)
                        .failureHandler(outcomes)
                        // a provider that cannot be reached is said on the sign-in page, not with a bare 500
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(outcomes);
                                return filter;
                            }
                        }))
                .logout(logout -> logout.logoutSuccessHandler(new SsoSignOut(registrations)));
    }
}
