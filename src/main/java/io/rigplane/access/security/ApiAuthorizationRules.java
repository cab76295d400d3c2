package io.rigplane.access.security;

import io.rigplane.access.DeviceTokens;
import io.rigplane.access.token.Scope;
import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Which scope each API call needs. Anything not listed needs the admin scope, so a new endpoint
 * is closed until it is given a rule here. Calls open to every token check ownership themselves.
 * A device token carries no scope: it passes only the rules that name {@link DeviceTokens#AUTHORITY}.
 */
public final class ApiAuthorizationRules {

    /** Any user's script token, but no device: devices have no tokens, password or account. */
    private static final AuthorizationManager<RequestAuthorizationContext> SCRIPT_TOKEN = AuthorizationManagers.allOf(
            AuthenticatedAuthorizationManager.authenticated(),
            AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(DeviceTokens.AUTHORITY)));

    private ApiAuthorizationRules() {
    }

    public static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        // the request that started a stream was authorized; its async dispatches carry no token
        rules.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                // a TV signing in has no credential yet: it asks for codes and polls for its token (RFC 8628)
                .requestMatchers(HttpMethod.POST, "/api/v1/device-authorization", "/api/v1/device-authorization/token")
                .permitAll()
                // a thin client manages its own sessions (the session module checks which) and reads its bindings
                .requestMatchers("/api/v1/sessions", "/api/v1/sessions/**")
                .hasAnyAuthority(Scope.SESSIONS.authority(), DeviceTokens.AUTHORITY)
                .requestMatchers(HttpMethod.GET, "/api/v1/devices/me").hasAuthority(DeviceTokens.AUTHORITY)
                .requestMatchers(HttpMethod.GET, "/api/v1/operations", "/api/v1/operations/**")
                .hasAnyAuthority(Scope.PROFILES_READ.authority(), Scope.PROFILES_WRITE.authority(),
                        Scope.POWER.authority(), Scope.SNAPSHOTS.authority(), Scope.SESSIONS.authority())
                // sessions: thin-client devices manage their own (ownership is checked by the session API)
                .requestMatchers("/api/v1/sessions", "/api/v1/sessions/**")
                .hasAnyAuthority(Scope.SESSIONS.authority(), "DEVICE")
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
                .requestMatchers(HttpMethod.GET, "/api/v1/drift", "/api/v1/vms", "/api/v1/terraform", "/api/v1/usage")
                .hasAnyAuthority(Scope.PROFILES_READ.authority(), Scope.PROFILES_WRITE.authority())
                // platforms: every reader sees them; only admins change them (the rule at the end)
                .requestMatchers(HttpMethod.GET, "/api/v1/platforms", "/api/v1/platforms/*")
                .hasAnyAuthority(Scope.PROFILES_READ.authority(), Scope.PROFILES_WRITE.authority())
                .requestMatchers(HttpMethod.GET, "/api/v1/profiles", "/api/v1/profiles/**")
                .hasAnyAuthority(Scope.PROFILES_READ.authority(), Scope.PROFILES_WRITE.authority())
                .requestMatchers("/api/v1/profiles", "/api/v1/profiles/**")
                .hasAuthority(Scope.PROFILES_WRITE.authority())
                // a token's own tokens, and its owner's password with the current one; never more than the token may
                .requestMatchers("/api/v1/tokens", "/api/v1/tokens/*").access(SCRIPT_TOKEN)
                .requestMatchers(HttpMethod.PUT, "/api/v1/users/*/password").access(SCRIPT_TOKEN)
                .requestMatchers(HttpMethod.GET, "/api/v1/users/me").access(SCRIPT_TOKEN)
                .anyRequest().hasAuthority(Scope.ADMIN.authority());
    }
}
