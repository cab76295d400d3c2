package io.rigplane.access.sso;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.security.DashboardSessions;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * What follows a single sign-on: the signed-in user becomes an ordinary dashboard sign-in (a
 * session row, the role re-read on every request, the same sign-out); a refusal shows the refused
 * page. Both, and every failure, are audited as {@code login}.
 */
final class SsoOutcomes extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SsoOutcomes.class);
    private static final int MAX_GROUPS_AUDITED = 400;

    private final AuditTrail audit;
    private final DashboardSessions sessions;
    private final String roleClaim;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SsoOutcomes(AuditTrail audit, DashboardSessions sessions, SsoProperties properties) {
        this.audit = audit;
        this.sessions = sessions;
        this.roleClaim = properties.roleClaim();
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        SsoUser user = (SsoUser) authentication.getPrincipal();
        // the same kind of sign-in as a password's, so session tracking and role refresh apply unchanged
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null,
                authentication.getAuthorities());
        signedIn.setDetails(authentication.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // the session id was changed at sign-in already: this is the id the cookie will carry
        sessions.signedIn(request.getSession().getId(), user.getName());
        String role = authentication.getAuthorities().iterator().next().getAuthority().substring("ROLE_".length());
        audit.record(new Actor(Actor.Type.USER, user.getName()), "login", "user:" + user.getName(),
                AuditOutcome.SUCCESS, "single sign-on at " + user.getIssuer() + ", role " + role.toLowerCase(java.util.Locale.ROOT));
        super.onAuthenticationSuccess(request, response, signedIn);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof SsoRefusedException refused) {
            audit.record(new Actor(Actor.Type.USER, refused.username()), "login", "user:" + refused.username(),
                    AuditOutcome.REFUSED, "single sign-on: no group in claim '" + roleClaim
                            + "' is mapped to a role; groups: " + listed(refused));
            FlashMap flash = new FlashMap();
            flash.put("refusedUser", refused.username());
            flash.setTargetRequestPath(request.getContextPath() + "/login/refused");
            new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
            response.sendRedirect(request.getContextPath() + "/login/refused");
            return;
        }
        String reason = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() : "the identity provider could not be reached or refused Rigplane";
        log.warn("Single sign-on failed: {}", reason, exception);
        audit.record(new Actor(Actor.Type.USER, "(unknown)"), "login", "user:(unknown)", AuditOutcome.FAILURE,
                "single sign-on: " + reason);
        response.sendRedirect(request.getContextPath() + "/login?sso-failed");
    }

    private static String listed(SsoRefusedException refused) {
        if (refused.groups().isEmpty()) {
            return "(none)";
        }
        String groups = String.join(", ", refused.groups());
        return groups.length() > MAX_GROUPS_AUDITED ? groups.substring(0, MAX_GROUPS_AUDITED) + "…" : groups;
    }
}
