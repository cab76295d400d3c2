package io.rigplane.access.sso;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The provider's client registration, discovered from the issuer when first needed rather than at
 * start-up: Rigplane starts while the provider is down (in a home lab it may well run in one of the
 * VMs Rigplane wakes), and a failed discovery is tried again at the next sign-in.
 */
final class DiscoveredRegistration implements ClientRegistrationRepository {

    static final String ID = "oidc";

    private final SsoProperties properties;
    private volatile @Nullable ClientRegistration registration;

    DiscoveredRegistration(SsoProperties properties) {
        this.properties = properties;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                known = registration;
                if (known == null) {
                    known = discover();
                    registration = known;
                }
            }
        }
        return known;
    }

    private ClientRegistration discover() {
        return ClientRegistrations.fromIssuerLocation(properties.issuer())
                .registrationId(ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope(properties.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientName(properties.displayName())
                .build();
    }
}
