package io.rigplane.access.user;

import io.rigplane.access.security.AccessProblems;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.security.AuthThrottle;
import io.rigplane.access.security.Caller;
import io.rigplane.access.security.DashboardSessions;
import io.rigplane.access.security.SignInLockout;
import io.rigplane.access.security.TooManyFailuresException;
import io.rigplane.access.token.VerifiedTokens;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles and passwords. There is always at least one admin: the last one can be
 * neither demoted nor deleted.
 */
@Service
public class UserDirectory {

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final AuthThrottle throttle;
    private final SignInLockout lockout;
    private final DashboardSessions sessions;
    private final VerifiedTokens verified;

    public UserDirectory(UserAccountRepository users, PasswordEncoder passwords, AuditTrail audit, AuthThrottle throttle,
            SignInLockout lockout, DashboardSessions sessions, VerifiedTokens verified) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.throttle = throttle;
        this.lockout = lockout;
        this.sessions = sessions;
        this.verified = verified;
    }

    /** What a password change ended besides the old password; tokens are kept (revoke them apart). */
    public record PasswordChanged(int endedSessions) {
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return users.findAllByOrderByUsername().stream().map(UserView::of).toList();
    }

    @Transactional(readOnly = true)
    public UserView get(String username) {
        return UserView.of(find(username));
    }

    @Transactional
    public UserView create(@Nullable String username, @Nullable String password, @Nullable Role role) {
        List<FieldError> errors = new ArrayList<>();
        Credentials.checkUsername(username, "username", errors);
        Credentials.checkPassword(password, "password", errors);
        if (role == null) {
            errors.add(new FieldError("role", "must be one of admin, operator, viewer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (users.findByUsername(username).isPresent()) {
            throw new AccessProblems.UserExists(username);
        }
        UserAccount user = users.save(new UserAccount(username, passwords.encode(password), role));
        audit.record("user.create", target(username), AuditOutcome.SUCCESS, "role " + role);
        return UserView.of(user);
    }

    @Transactional
    public UserView changeRole(String username, @Nullable Role role) {
        if (role == null) {
            throw new InvalidRequestException(List.of(new FieldError("role", "must be one of admin, operator, viewer")));
        }
        UserAccount user = find(username);
        if (user.role() == Role.ADMIN && role != Role.ADMIN) {
            refuseIfLastAdmin(user, "user.role");
        }
        Role before = user.role();
        user.changeRole(role);
        verified.forgetAfterCommit(VerifiedTokens.userChange(user.id()));
        audit.record("user.role", target(username), AuditOutcome.SUCCESS, before + " -> " + role);
        return UserView.of(user);
    }

    @Transactional
    public void delete(String username) {
        UserAccount user = find(username);
        if (user.role() == Role.ADMIN) {
            refuseIfLastAdmin(user, "user.delete");
        }
        users.delete(user);
        verified.forgetAfterCommit(VerifiedTokens.userChange(user.id()));
        // a session must not outlive its user: a new user of the same name would inherit it
        int ended = sessions.endAllBut(username, null);
        lockout.unlock(username);
        audit.record("user.delete", target(username), AuditOutcome.SUCCESS,
                "ended " + ended + " dashboard session(s)");
    }

    /**
     * Changes a password. One's own needs the current password, even for an admin, so a stolen
     * session or token cannot take the account over; an admin may reset anyone else's. The lock is
     * checked before the current password, and a wrong one counts as a failed sign-in, so a token
     * cannot be used to guess the owner's password. The user's other dashboard sessions end (the
     * one that made the change, {@code keptSessionId}, stays); an admin's reset also unlocks the
     * account.
     */
    @Transactional
    public PasswordChanged changePassword(Caller caller, String username, @Nullable String currentPassword,
            @Nullable String newPassword, String source, @Nullable String keptSessionId) {
        boolean own = caller.username().equals(username);
        if (!own && !caller.isAdmin()) {
            throw new AccessProblems.NotAllowed("Only an admin may change another user's password");
        }
        UserAccount user = find(username);
        if (user.isSingleSignOn()) {
            // its stored hash is of a secret nobody knows; one set here would be a way in beside the provider's
            audit.record("user.password", target(username), AuditOutcome.REFUSED, "single sign-on user");
            throw new AccessProblems.PasswordAtProvider(username);
        }
        List<FieldError> errors = new ArrayList<>();
        Credentials.checkPassword(newPassword, "newPassword", errors);
        if (own && (currentPassword == null || currentPassword.isEmpty())) {
            errors.add(new FieldError("currentPassword", "is needed to change your own password"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (own) {
            throttle.signInBlocked(source, username).ifPresent(wait -> {
                audit.record("user.password", target(username), AuditOutcome.REFUSED, "locked");
                throw new TooManyFailuresException(wait);
            });
        }
        if (own && !passwords.matches(currentPassword, user.passwordHash())) {
            audit.record("user.password", target(username), AuditOutcome.REFUSED, "wrong current password");
            throttle.wrongPassword(source, username).ifPresent(wait -> {
                throw new TooManyFailuresException(wait);
            });
            throw new InvalidRequestException(List.of(new FieldError("currentPassword", "is not right")));
        }
        user.changePassword(passwords.encode(newPassword));
        int ended = sessions.endAllBut(username, own ? keptSessionId : null);
        audit.record("user.password", target(username), AuditOutcome.SUCCESS,
                (own ? "own" : "reset by admin") + "; ended " + ended + " dashboard session(s)");
        if (!own) {
            unlock(username, "password reset", false);
        }
        return new PasswordChanged(ended);
    }

    /** The users locked for at least one source address right now. */
    public java.util.Set<String> lockedUsers() {
        return lockout.lockedAccounts();
    }

    /** Ends every lock of the account, whichever sources it was locked for. */
    @Transactional
    public int unlock(String username) {
        find(username);
        return unlock(username, "unlocked by admin", true);
    }

    private int unlock(String username, String why, boolean alwaysAudit) {
        int sources = lockout.unlock(username);
        if (sources == 0 && !alwaysAudit) {
            return 0;
        }
        audit.record("user.unlock", target(username), AuditOutcome.SUCCESS,
                why + "; " + sources + " locked source(s)");
        return sources;
    }

    private void refuseIfLastAdmin(UserAccount user, String action) {
        List<UserAccount> admins = users.lockAdmins();
        if (admins.stream().noneMatch(admin -> !admin.id().equals(user.id()))) {
            audit.record(action, target(user.username()), AuditOutcome.REFUSED, "last admin");
            throw new AccessProblems.LastAdmin(user.username());
        }
    }

    private UserAccount find(String username) {
        return users.findByUsername(username).orElseThrow(() -> new AccessProblems.UserNotFound(username));
    }

    public static String target(String username) {
        return "user:" + username;
    }
}
