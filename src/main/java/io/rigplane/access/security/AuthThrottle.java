package io.rigplane.access.security;

import io.rigplane.access.user.Role;
import io.rigplane.access.user.UserAccountRepository;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The throttling rules of sign-ins and bearer tokens.
 *
 * <p>Failures count per source address, and for password sign-ins per account as well. An
 * account lock must never lock every admin out, so an admin account's failures count per
 * account <em>and</em> source: whoever guesses at {@code admin} from one address locks out only
 * that address, and the real admin signs in from another. Non-admin accounts lock for every
 * source; an admin can still sign in and help. Tokens are never locked by account: they carry
 * 256 random bits, so only the per-source limit applies to them.
 */
@Component
public class AuthThrottle {

    private static final int MAX_KEY_NAME = 64;

    private final FailureThrottle throttle;
    private final ThrottleProperties limits;
    private final UserAccountRepository users;

    public AuthThrottle(FailureThrottle throttle, ThrottleProperties limits, UserAccountRepository users) {
        this.throttle = throttle;
        this.limits = limits;
        this.users = users;
    }

    /** Whether a bearer request from this source is to be turned away without looking at it. */
    public Optional<Duration> bearerBlocked(String source) {
        return throttle.blockedLocally(sourceKey(source));
    }

    /** Counts a bad token; answers the wait when the source just went over its limit. */
    public Optional<Duration> badToken(String source) {
        return over(sourceKey(source), limits.source());
    }

    @Transactional(readOnly = true)
    public Optional<Duration> signInBlocked(String source, String username) {
        Optional<Duration> bySource = throttle.blockedLocally(sourceKey(source))
                .or(() -> throttle.blocked(sourceKey(source), limits.source()));
        return bySource.or(() -> throttle.blocked(accountKey(username, source), limits.account()));
    }

    /** Counts a failed sign-in against the source and the account; answers the longer wait, if any. */
    public Optional<Duration> failedSignIn(String source, String username) {
        Optional<Duration> bySource = over(sourceKey(source), limits.source());
        Optional<Duration> byAccount = over(accountKey(username, source), limits.account());
        if (bySource.isPresent() && byAccount.isPresent()) {
            return Optional.of(bySource.get().compareTo(byAccount.get()) >= 0 ? bySource.get() : byAccount.get());
        }
        return bySource.or(() -> byAccount);
    }

    /** A good sign-in forgets the account's failures; the source's stay until their window ends. */
    public void succeededSignIn(String source, String username) {
        throttle.clear(accountKey(username, source));
    }

    /** A wrong current password on a password change counts like a failed sign-in. */
    public Optional<Duration> wrongPassword(String source, String username) {
        return failedSignIn(source, username);
    }

    private Optional<Duration> over(String key, ThrottleProperties.Limit limit) {
        Optional<Duration> retryAfter = throttle.recordFailure(key, limit);
        retryAfter.ifPresent(wait -> throttle.rememberBlocked(key, wait));
        return retryAfter;
    }

    private static String sourceKey(String source) {
        return "source:" + clip(source);
    }

    private String accountKey(String username, String source) {
        String name = clip(username.toLowerCase(Locale.ROOT));
        boolean admin = users.findByUsername(name).map(user -> user.role() == Role.ADMIN).orElse(false);
        return admin ? "account:" + name + "@" + clip(source) : "account:" + name;
    }

    private static String clip(String value) {
        return value.length() > MAX_KEY_NAME ? value.substring(0, MAX_KEY_NAME) : value;
    }
}
