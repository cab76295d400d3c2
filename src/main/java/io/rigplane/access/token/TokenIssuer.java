package io.rigplane.access.token;

import io.rigplane.access.security.AccessProblems;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.security.Caller;
import io.rigplane.access.user.Credentials;
import io.rigplane.access.user.UserAccount;
import io.rigplane.access.user.UserAccountRepository;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes, lists and revokes script tokens. A new token never gets more than its maker may do:
 * not more scopes than the caller has (which never exceed the caller's role), and not a longer
 * life than the token that asked for it.
 */
@Service
public class TokenIssuer {

    /** A date further out is a typo or a probe (and beyond what PostgreSQL stores); no expiry is said with none. */
    public static final Duration LONGEST_LIFE = Duration.ofDays(3650);

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final AuditTrail audit;
    private final Clock clock;
    private final VerifiedTokens verified;

    public TokenIssuer(ApiTokenRepository tokens, UserAccountRepository users, AuditTrail audit, Clock clock,
            VerifiedTokens verified) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.verified = verified;
    }

    @Transactional
    public IssuedToken issue(Caller caller, @Nullable String name, @Nullable Collection<Scope> scopes,
            @Nullable Instant expiresAt) {
        List<FieldError> errors = new ArrayList<>();
        Credentials.checkTokenName(name, "name", errors);
        if (scopes == null || scopes.isEmpty() || scopes.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("scopes", "must list at least one of "
                    + EnumSet.allOf(Scope.class).stream().map(Scope::value).collect(Collectors.joining(", "))));
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        } else if (expiresAt != null && expiresAt.isAfter(clock.instant().plus(LONGEST_LIFE))) {
            errors.add(new FieldError("expiresAt", "must be within " + LONGEST_LIFE.toDays()
                    + " days; leave it out for a token that never expires"));
        }
        if (caller.expiresAt() != null && (expiresAt == null || expiresAt.isAfter(caller.expiresAt()))) {
            errors.add(new FieldError("expiresAt", "must not be later than your own token's expiry, "
                    + caller.expiresAt()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Set<Scope> wanted = EnumSet.copyOf(scopes);
        Set<Scope> allowed = wanted.contains(Scope.ADMIN) ? EnumSet.allOf(Scope.class) : wanted;
        if (!caller.scopes().containsAll(allowed)) {
            audit.record("token.create", "token:" + caller.username() + "/" + name, AuditOutcome.REFUSED,
                    "scopes beyond the caller's");
            throw new AccessProblems.NotAllowed("A token may not carry more than you may do; you may give "
                    + caller.scopes().stream().sorted().map(Scope::value).collect(Collectors.joining(", ")));
        }
        UserAccount owner = users.findByUsername(caller.username())
                .orElseThrow(() -> new AccessProblems.UserNotFound(caller.username()));
        if (tokens.findByOwnerAndName(owner, name).isPresent()) {
            throw new AccessProblems.TokenExists(name);
        }
        String secret = TokenSecrets.newToken();
        ApiToken token = tokens.save(new ApiToken(name, TokenSecrets.hash(secret), owner, wanted, expiresAt));
        audit.record("token.create", target(token), AuditOutcome.SUCCESS,
                "scopes " + wanted.stream().map(Scope::value).sorted().collect(Collectors.joining(" ")));
        return IssuedToken.of(TokenView.of(token), secret);
    }

    /** The caller's own tokens; an admin sees everybody's. */
    @Transactional(readOnly = true)
    public List<TokenView> list(Caller caller) {
        List<ApiToken> found = caller.isAdmin() ? tokens.findAllByOrderByIdAsc()
                : tokens.findByOwnerUsernameOrderByIdAsc(caller.username());
        return found.stream().map(TokenView::of).toList();
    }

    /** Idempotent. Someone else's token looks like no token at all, unless the caller is an admin. */
    @Transactional
    public void revoke(Caller caller, long id) {
        ApiToken token = tokens.findById(id)
                .filter(found -> caller.isAdmin() || found.owner().username().equals(caller.username()))
                .orElseThrow(() -> new AccessProblems.TokenNotFound(id));
        token.revoke(clock.instant());
        verified.forgetAfterCommit(VerifiedTokens.tokenChange(token.tokenHash()));
        audit.record("token.revoke", target(token), AuditOutcome.SUCCESS, null);
    }

    private static String target(ApiToken token) {
        return "token:" + token.owner().username() + "/" + token.name();
    }
}
