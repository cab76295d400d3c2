package io.rigplane.access.security;

import io.rigplane.access.AuditTrail;
import io.rigplane.access.sso.SignInOptions;
import io.rigplane.access.sso.SingleSignOn;
import io.rigplane.access.token.BearerAuthenticationFilter;
import io.rigplane.access.token.LastUses;
import io.rigplane.access.token.DeviceRefusalAudit;
import io.rigplane.access.token.RefusalTally;
import io.rigplane.access.token.VerifiedTokens;
import io.rigplane.access.user.UserAccountRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the API takes bearer tokens and keeps no session; the dashboard takes a form login
 * (unless turned off) and, when configured, single sign-on, with a session cookie and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    public SecurityFilterChain api(HttpSecurity http, VerifiedTokens tokens, LastUses lastUses, AuthThrottle throttle,
            JsonMapper json, RefusalTally refusals) throws Exception {
        ProblemSecurityResponses responses = new ProblemSecurityResponses(json);
        http.securityMatcher("/api/**", "/actuator/prometheus")
                // bearer tokens are not sent by browsers on their own, so there is nothing to forge
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // the API's controllers ask the security context, never the servlet request, who calls;
                // the wrapper would be made for every request for nothing
                .servletApi(AbstractHttpConfigurer::disable)
                .addFilterBefore(new BearerAuthenticationFilter(tokens, lastUses, throttle, responses),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(responses)
                        .accessDeniedHandler(new DeviceRefusalAudit(responses, refusals)))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(ApiAuthorizationRules::apply);
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain dashboard(HttpSecurity http, AuthThrottle throttle, AuditTrail audit,
            UserAccountRepository users, DashboardSessions sessions, SignInOptions signIn,
            ObjectProvider<SingleSignOn> singleSignOn) throws Exception {
        SignInOutcomes outcomes = new SignInOutcomes(throttle, audit, users, sessions);
        http.authorizeHttpRequests(DashboardAuthorizationRules::apply)
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SignedInSessionFilter(sessions), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new SessionRoleRefreshFilter(users), AnonymousAuthenticationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        if (signIn.local()) {
            http.formLogin(form -> form.loginPage("/login").successHandler(outcomes).failureHandler(outcomes)
                    .permitAll());
        } else {
            // before the CSRF check: whatever was posted, the answer is the same and changes nothing
            http.addFilterBefore(new LocalSignInOffFilter(), CsrfFilter.class);
        }
        SingleSignOn sso = singleSignOn.getIfAvailable();
        if (sso != null) {
            sso.applyTo(http, CONTENT_SECURITY_POLICY);
        }
        return http.build();
    }

    /**
     * Turning security's observations off in the configuration only makes them no-ops: each filter of
     * each chain would still be wrapped and would ask the registry on every request. The HTTP server's
     * own request metrics still time each request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Argon2 for new passwords; the delegating encoder can still check older hashes after a change. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", java.util.Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
