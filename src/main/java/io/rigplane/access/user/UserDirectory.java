package io.rigplane.access.user;

import io.rigplane.access.security.AccessProblems;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.security.AuthThrottle;
import io.rigplane.access.security.Caller;
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
    private final VerifiedTokens verified;

    public UserDirectory(UserAccountRepository users, PasswordEncoder passwords, AuditTrail audit, AuthThrottle throttle,
            VerifiedTokens verified) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.throttle = throttle;
        this.verified = verified;
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
        audit.record("user.delete", target(username), AuditOutcome.SUCCESS, null);
    }

    /**
     * Changes a password. One's own needs the current password, even for an admin, so a stolen
     * session or token cannot take the account over; an admin may reset anyone else's.
     */
    @Transactional
    public void changePassword(Caller caller, String username, @Nullable String currentPassword,
            @Nullable String newPassword, String source) {
        boolean own = caller.username().equals(username);
        if (!own && !caller.isAdmin()) {
            throw new AccessProblems.NotAllowed("Only an admin may change another user's password");
        }
        UserAccount user = find(username);
        List<FieldError> errors = new ArrayList<>();
        Credentials.checkPassword(newPassword, "newPassword", errors);
        if (own && (currentPassword == null || currentPassword.isEmpty())) {
            errors.add(new FieldError("currentPassword", "is needed to change your own password"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (own && !passwords.matches(currentPassword, user.passwordHash())) {
            audit.record("user.password", target(username), AuditOutcome.REFUSED, "wrong current password");
            throttle.wrongPassword(source, username).ifPresent(wait -> {
                throw new TooManyFailuresException(wait);
            });
            throw new InvalidRequestException(List.of(new FieldError("currentPassword", "is not right")));
        }
        user.changePassword(passwords.encode(newPassword));
        audit.record("user.password", target(username), AuditOutcome.SUCCESS, own ? "own" : "reset by admin");
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
