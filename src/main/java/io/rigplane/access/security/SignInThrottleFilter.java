package io.rigplane.access.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a sign-in away before its password is checked when its source or account is blocked,
 * so a blocked guesser learns nothing, and Argon2 spends no CPU on it.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

    static final String THROTTLED_URL = "/login?throttled";

    private final AuthThrottle throttle;

    public SignInThrottleFilter(AuthThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        Optional<Duration> blocked = throttle.signInBlocked(request.getRemoteAddr(), username == null ? "" : username);
        if (blocked.isPresent()) {
            sendThrottled(request, response, blocked.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The login page with a friendly message; the header tells scripts when to come back. */
    public static void sendThrottled(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        response.sendRedirect(request.getContextPath() + THROTTLED_URL);
    }
}
