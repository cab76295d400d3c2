package io.rigplane.access.security;

import io.rigplane.access.user.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which role each dashboard page needs. Reading is open to every signed-in user except the
 * admin pages; a change needs the role that may make it. Any POST not listed needs an admin, so
 * a new form is closed until it is given a rule here.
 */
public final class DashboardAuthorizationRules {

    private DashboardAuthorizationRules() {
    }

    public static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        String admin = Role.ADMIN.name();
        String operator = Role.OPERATOR.name();
        rules.requestMatchers("/login", "/login/refused", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                // the play page holds a device token in its script and calls the API with it
                .requestMatchers(HttpMethod.GET, "/play", "/play/qr").permitAll()
                .requestMatchers("/users", "/users/**", "/audit", "/audit/**").hasRole(admin)
                .requestMatchers("/notifications", "/notifications/**").hasRole(admin)
                // a device token is a standing credential for waking hosts: only admins issue or see them
                .requestMatchers("/devices", "/devices/**").hasRole(admin)
                .requestMatchers(HttpMethod.GET, "/profiles/new", "/profiles/*/edit").hasRole(admin)
                .requestMatchers(HttpMethod.GET, "/platforms/new", "/platforms/*/edit").hasRole(admin)
                .requestMatchers(HttpMethod.GET, "/**").authenticated()
                // every user manages their own password and tokens (tokens never exceed the role)
                .requestMatchers(HttpMethod.POST, "/account/**", "/tokens", "/tokens/**").authenticated()
                // operators do power: start, stop, shut down, reboot and wake
                .requestMatchers(HttpMethod.POST, "/profiles/*/start", "/profiles/*/stop", "/profiles/*/shutdown",
                        "/profiles/*/reboot", "/nodes/*/wake").hasAnyRole(admin, operator)
                .requestMatchers(HttpMethod.POST, "/power/**", "/sessions/**", "/snapshots/**")
                .hasAnyRole(admin, operator)
                .anyRequest().hasRole(admin);
    }
}
