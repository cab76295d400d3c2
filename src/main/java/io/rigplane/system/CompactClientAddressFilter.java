package io.rigplane.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every later filter and handler the client's IPv6 address in its compact form
 * ({@link ClientAddress}), so the audit trail, sign-in locks and throttles store and show
 * {@code ::1}, not {@code 0:0:0:0:0:0:0:1}, and count one client under one key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CompactClientAddressFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        String compact = address == null ? null : ClientAddress.compact(address);
        if (compact == null || compact.equals(address)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return compact;
            }

            @Override
            public String getRemoteHost() {
                String host = super.getRemoteHost();
                return address.equals(host) ? compact : host;
            }
        }, response);
    }
}
