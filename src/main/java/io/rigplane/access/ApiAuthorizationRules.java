package io.rigplane.access;

import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which scope each API call needs. Anything not listed needs the admin scope, so a new endpoint
 * is closed until it is given a rule here. Calls open to every token check ownership themselves.
 */
final class ApiAuthorizationRules {

    private ApiAuthorizationRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        // the request that started a stream was authorized; its async dispatches carry no token
        rules.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/operations", "/api/v1/operations/**")
                .hasAnyAuthority(Scope.PROFILES_READ.authority(), Scope.PROFILES_WRITE.authority(),
                        Scope.POWER.authority(), Scope.SNAPSHOTS.authority(), Scope.SESSIONS.authority())
                // power: start/stop a profile's VM and wake nodes; reading power state is for readers too
                .requestMatchers(HttpMethod.POST, "/api/v1/profiles/*/start", "/api/v1/profiles/*/stop",
                        "/api/v1/profiles/*/shutdown", "/api/v1/profiles/*/reboot", "/api/v1/nodes/*/wake")
                .hasAuthority(Scope.POWER.authority())
                .requestMatchers(HttpMethod.GET, "/api/v1/profiles/*/status", "/api/v1/nodes")
                .hasAnyAuthority(Scope.PROFILES_READ.authority(), Scope.PROFILES_WRITE.authority(),
                        Scope.POWER.authority())
                // snapshots: deleting one is for admins; reading policies, snapshots and runs is for readers too
                .requestMatchers(HttpMethod.DELETE, "/api/v1/profiles/*/snapshots/*").hasAuthority(Scope.ADMIN.authority())
                .requestMatchers(HttpMethod.GET, "/api/v1/profiles/*/snapshot-policy", "/api/v1/profiles/*/snapshot-policy/dry-run",
                        "/api/v1/profiles/*/snapshots", "/api/v1/snapshot-runs")
                .hasAnyAuthority(Scope.PROFILES_READ.authority(), Scope.PROFILES_WRITE.authority(),
                        Scope.SNAPSHOTS.authority())
                .requestMatchers(HttpMethod.PUT, "/api/v1/profiles/*/snapshot-policy").hasAuthority(Scope.SNAPSHOTS.authority())
                .requestMatchers(HttpMethod.POST, "/api/v1/profiles/*/snapshots", "/api/v1/profiles/*/snapshots/*/rollback")
                .hasAuthority(Scope.SNAPSHOTS.authority())
                .requestMatchers(HttpMethod.GET, "/api/v1/drift", "/api/v1/vms")
                .hasAnyAuthority(Scope.PROFILES_READ.authority(), Scope.PROFILES_WRITE.authority())
                .requestMatchers(HttpMethod.GET, "/api/v1/profiles", "/api/v1/profiles/**")
                .hasAnyAuthority(Scope.PROFILES_READ.authority(), Scope.PROFILES_WRITE.authority())
                .requestMatchers("/api/v1/profiles", "/api/v1/profiles/**")
                .hasAuthority(Scope.PROFILES_WRITE.authority())
                // a token's own tokens, and its owner's password with the current one; never more than the token may
                .requestMatchers("/api/v1/tokens", "/api/v1/tokens/*").authenticated()
                .requestMatchers(HttpMethod.PUT, "/api/v1/users/*/password").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/users/me").authenticated()
                .anyRequest().hasAuthority(Scope.ADMIN.authority());
    }
}
