package io.rigplane.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finds the token a bearer secret stands for, if it is known, unrevoked and unexpired. */
@Component
class ApiTokenAuthenticator {

    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokenAuthenticator(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Optional<ApiTokenAuthentication> authenticate(String secret) {
        return tokens.findByTokenHash(TokenSecrets.hash(secret))
                .filter(token -> token.usableAt(clock.instant()))
                .map(token -> new ApiTokenAuthentication(token.id(), token.name(), token.owner().username(),
                        authorities(token.scopes())));
    }

    void recordUse(ApiTokenAuthentication authentication) {
        Instant now = clock.instant();
        tokens.touch(authentication.tokenId(), now, now.minus(LAST_USE_PRECISION));
    }

    /** The admin scope stands for every scope, so rules name only the scope they need. */
    private static List<GrantedAuthority> authorities(Set<Scope> scopes) {
        Set<Scope> effective = scopes.contains(Scope.ADMIN) ? EnumSet.allOf(Scope.class) : scopes;
        List<GrantedAuthority> authorities = new ArrayList<>();
        effective.forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        return authorities;
    }
}
