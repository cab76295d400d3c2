package io.rigplane.access.token;

import io.rigplane.access.security.AuthThrottle;
import io.rigplane.access.security.ProblemSecurityResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <secret>} on API requests against every kind of
 * {@link BearerCredentials}, through the {@link VerifiedTokens} of this replica; no header, no
 * entry. Bad secrets are throttled per source address. A good token costs no database call: its
 * verification is cached and its use only marked in memory ({@link LastUses}).
 */
public class BearerAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final VerifiedTokens tokens;
    private final LastUses lastUses;
    private final AuthThrottle throttle;
    private final ProblemSecurityResponses responses;

    public BearerAuthenticationFilter(VerifiedTokens tokens, LastUses lastUses, AuthThrottle throttle,
            ProblemSecurityResponses responses) {
        this.tokens = tokens;
        this.lastUses = lastUses;
        this.throttle = throttle;
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String source = request.getRemoteAddr();
        Optional<Duration> blocked = throttle.bearerBlocked(source);
        if (blocked.isPresent()) {
            // even a good token waits: otherwise a blocked guesser would still learn which guess was right
            responses.tooManyFailures(response, blocked.get());
            return;
        }
        String secret = header.substring(BEARER.length()).trim();
        Optional<BearerAuthentication> authentication = tokens.authenticate(secret);
        if (authentication.isEmpty()) {
            SecurityContextHolder.clearContext();
            Optional<Duration> nowBlocked = throttle.badToken(source);
            if (nowBlocked.isPresent()) {
                responses.tooManyFailures(response, nowBlocked.get());
            } else {
                responses.commence(request, response,
                        new BadCredentialsException("The token is unknown, revoked or expired"));
            }
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        lastUses.mark(authentication.get().usedToken());
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
