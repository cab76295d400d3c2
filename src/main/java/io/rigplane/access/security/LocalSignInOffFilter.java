package io.rigplane.access.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With local sign-in off ({@code RIGPLANE_LOCAL_SIGN_IN=false}) a posted password form signs
 * nobody in: it is sent back to the sign-in page, which says to use single sign-on. No password is
 * looked at, so there is nothing to guess either.
 */
class LocalSignInOffFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login")) {
            response.sendRedirect(request.getContextPath() + "/login?local-off");
            return;
        }
        chain.doFilter(request, response);
    }
}
