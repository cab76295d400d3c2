package io.rigplane.access.sso;

import io.rigplane.access.AuditTrail;
import io.rigplane.access.security.DashboardSessions;
import io.rigplane.access.user.SsoAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The single sign-on beans, made only when an issuer is set; none of them talks to the provider
 * before the first sign-in.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SsoConfigured.class)
class SsoConfiguration {

    @Bean
    ClientRegistrationRepository ssoClientRegistrations(SsoProperties properties) {
        return new DiscoveredRegistration(properties);
    }

    @Bean
    SingleSignOn singleSignOn(ClientRegistrationRepository ssoClientRegistrations, SsoAccounts accounts,
            SsoProperties properties, AuditTrail audit, DashboardSessions sessions) {
        return new SingleSignOn(properties.issuer(), ssoClientRegistrations, new SsoUserService(accounts, properties),
                new SsoOutcomes(audit, sessions, properties));
    }
}
