package io.rigplane.access.user;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.security.DashboardSessions;
import io.rigplane.access.token.VerifiedTokens;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local user records of single sign-on users. A provider account (issuer and subject) is
 * linked to exactly one local user, made at its first sign-in and never matched by name, so that
 * nobody at the provider can take a local account over by choosing its name. The role is the
 * provider's, read again at every sign-in.
 */
@Service
public class SsoAccounts {

    private static final int MAX_NAME = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final VerifiedTokens verified;
    private final DashboardSessions sessions;

    public SsoAccounts(UserAccountRepository users, PasswordEncoder passwords, AuditTrail audit,
            VerifiedTokens verified, DashboardSessions sessions) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.verified = verified;
        this.sessions = sessions;
    }

    /**
     * Signs the provider's account in as its local user, made now if it is new, with the role its
     * groups give today; answers the local user name.
     */
    @Transactional
    public String signIn(String issuer, String subject, String preferredName, Role role) {
        Optional<UserAccount> linked = users.findBySsoIssuerAndSsoSubject(issuer, subject);
        if (linked.isPresent()) {
            UserAccount user = linked.get();
            if (user.role() != role) {
                Role before = user.role();
                user.changeRole(role);
                verified.forgetAfterCommit(VerifiedTokens.userChange(user.id()));
                audit.record(new Actor(Actor.Type.USER, user.username()), "user.role",
                        UserDirectory.target(user.username()), AuditOutcome.SUCCESS,
                        before + " -> " + role + " (groups at the identity provider)");
            }
            return user.username();
        }
        String username = freeName(preferredName);
        // the column needs a hash; this one is of a secret nobody ever sees, and the form login refuses the user anyway
        String unusable = passwords.encode(Base64.getEncoder().encodeToString(randomBytes()));
        users.save(UserAccount.linkedTo(issuer, subject, username, unusable, role));
        audit.record(new Actor(Actor.Type.USER, username), "user.create", UserDirectory.target(username),
                AuditOutcome.SUCCESS, "role " + role + ", single sign-on at " + issuer);
        return username;
    }

    /**
     * The local name of the provider's account if it signed in before, else the name it would get.
     * A refused account that had signed in before loses its open dashboard sessions.
     */
    @Transactional
    public String refused(String issuer, String subject, String preferredName) {
        Optional<UserAccount> linked = users.findBySsoIssuerAndSsoSubject(issuer, subject);
        linked.ifPresent(user -> sessions.endAllBut(user.username(), null));
        return linked.map(UserAccount::username).orElseGet(() -> candidate(preferredName));
    }

    /** The provider's name made a valid user name; a name another user has gets a number. */
    private String freeName(String preferredName) {
        String base = candidate(preferredName);
        String name = base;
        for (int n = 2; users.findByUsername(name).isPresent(); n++) {
            String suffix = "-" + n;
            name = base.substring(0, Math.min(base.length(), MAX_NAME - suffix.length())) + suffix;
        }
        return name;
    }

    static String candidate(String preferredName) {
        String name = preferredName.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-")
                .replaceAll("^[._-]+", "");
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        return name.isEmpty() || name.equals("me") ? "sso-user" : name;
    }

    private static byte[] randomBytes() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }
}
