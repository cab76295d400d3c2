package io.rigplane.access.security;

import io.rigplane.access.user.Role;
import io.rigplane.access.user.UserAccount;
import io.rigplane.access.user.UserAccountRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a signed-in user's role on every dashboard request, so that a demotion or a deletion
 * takes effect at once instead of at the next sign-in. One primary-key sized query per page.
 */
public class SessionRoleRefreshFilter extends OncePerRequestFilter {

    private final UserAccountRepository users;

    public SessionRoleRefreshFilter(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current instanceof UsernamePasswordAuthenticationToken signedIn && signedIn.isAuthenticated()) {
            Optional<UserAccount> user = users.findByUsername(signedIn.getName());
            if (user.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else if (!hasRole(signedIn, user.get().role())) {
                refresh(request, signedIn, user.get().role());
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasRole(Authentication authentication, Role role) {
        return authentication.getAuthorities().size() == 1 && authentication.getAuthorities().stream()
                .allMatch(authority -> role.authority().equals(authority.getAuthority()));
    }

    private static void refresh(HttpServletRequest request, UsernamePasswordAuthenticationToken old, Role role) {
        UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken.authenticated(
                old.getPrincipal(), null, List.of(new SimpleGrantedAuthority(role.authority())));
        fresh.setDetails(old.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(fresh);
        SecurityContextHolder.setContext(context);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }
}
