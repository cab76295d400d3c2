package io.rigplane.access.security;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.user.UserAccount;
import io.rigplane.access.user.UserAccountRepository;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** Counts and audits each dashboard sign-in, good or bad. */
public class SignInOutcomes extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    private static final int MAX_AUDITED_NAME = 64;

    private final AuthThrottle throttle;
    private final AuditTrail audit;
    private final UserAccountRepository users;
    private final DashboardSessions sessions;

    public SignInOutcomes(AuthThrottle throttle, AuditTrail audit, UserAccountRepository users,
            DashboardSessions sessions) {
        this.throttle = throttle;
        this.audit = audit;
        this.users = users;
        this.sessions = sessions;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        throttle.succeededSignIn(request.getRemoteAddr(), authentication.getName());
        // the session id was changed at sign-in already: this is the id the cookie will carry
        sessions.signedIn(request.getSession().getId(), authentication.getName());
        audit.record(new Actor(Actor.Type.USER, authentication.getName()), "login", "user:" + authentication.getName(),
                AuditOutcome.SUCCESS, null);
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String typed = attemptedName(request);
        // a name nobody has may be a password typed in the wrong field: it stays out of the audit log
        String known = users.findByUsername(typed.toLowerCase(java.util.Locale.ROOT)).map(UserAccount::username)
                .orElse("(unknown)");
        audit.record(new Actor(Actor.Type.USER, known), "login", "user:" + known, AuditOutcome.FAILURE,
                "wrong user name or password");
        Optional<Duration> blocked = throttle.failedSignIn(request.getRemoteAddr(), typed);
        if (blocked.isPresent()) {
            SignInThrottleFilter.sendThrottled(request, response, blocked.get());
        } else {
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }

    /** What was typed as the user name, clipped. */
    private static String attemptedName(HttpServletRequest request) {
        String name = request.getParameter("username");
        if (name == null || name.isBlank()) {
            return "(none)";
        }
        String clean = name.strip().replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_AUDITED_NAME ? clean.substring(0, MAX_AUDITED_NAME) : clean;
    }
}
