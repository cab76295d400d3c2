package io.rigplane.access.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a dashboard session that {@link DashboardSessions} no longer knows, for example after its
 * user's password was changed elsewhere: the request goes on as anonymous (a page redirects to the
 * sign-in, a form post is refused) and the session is invalidated with its CSRF token.
 */
public class SignedInSessionFilter extends OncePerRequestFilter {

    private final DashboardSessions sessions;

    public SignedInSessionFilter(DashboardSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (current instanceof UsernamePasswordAuthenticationToken signedIn && signedIn.isAuthenticated()
                && (session == null || !sessions.isSignedIn(session.getId(), signedIn.getName()))) {
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
