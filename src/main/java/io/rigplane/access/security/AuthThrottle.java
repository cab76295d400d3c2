package io.rigplane.access.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The throttling rules of sign-ins and bearer tokens.
 *
 * <p>Failures count per source address, and for password checks (sign-ins, a password change's
 * current password) per account <em>and</em> source as well ({@link SignInLockout}): whoever
 * guesses at an account from one address locks it only for that address, with locks that grow
 * each time, and the owner signs in from another. Tokens are never locked by account: they carry
 * 256 random bits, so only the per-source limit applies to them.
 */
@Component
public class AuthThrottle {

    private static final int MAX_KEY_NAME = 64;

    private final FailureThrottle throttle;
    private final ThrottleProperties limits;
    private final SignInLockout lockout;
    private final LockAudit lockAudit;

    public AuthThrottle(FailureThrottle throttle, ThrottleProperties limits, SignInLockout lockout, LockAudit lockAudit) {
        this.throttle = throttle;
        this.limits = limits;
        this.lockout = lockout;
        this.lockAudit = lockAudit;
    }

    /** Whether a bearer request from this source is to be turned away without looking at it. */
    public Optional<Duration> bearerBlocked(String source) {
        return throttle.blockedLocally(sourceKey(source));
    }

    /** Counts a bad token; answers the wait when the source just went over its limit. */
    public Optional<Duration> badToken(String source) {
        return over(sourceKey(source), limits.source());
    }

    /** Whether a password check from this source for this account is to be refused without looking at it. */
    @Transactional(readOnly = true)
    public Optional<Duration> signInBlocked(String source, String username) {
        Optional<Duration> bySource = throttle.blockedLocally(sourceKey(source))
                .or(() -> throttle.blocked(sourceKey(source), limits.source()));
        return bySource.or(() -> lockout.locked(username, source));
    }

    /** Counts a wrong password against the source and the account from it; answers the longer wait, if any. */
    public Optional<Duration> failedSignIn(String source, String username) {
        Optional<Duration> bySource = over(sourceKey(source), limits.source());
        Optional<Duration> byAccount = lockout.recordFailure(username, source).map(lock -> {
            lockAudit.locked(username, source, lock);
            return lock.duration();
        });
        if (bySource.isPresent() && byAccount.isPresent()) {
            return Optional.of(bySource.get().compareTo(byAccount.get()) >= 0 ? bySource.get() : byAccount.get());
        }
        return bySource.or(() -> byAccount);
    }

    /** A good sign-in forgets the account's failures from that source; the source's stay until their window ends. */
    public void succeededSignIn(String source, String username) {
        lockout.forget(username, source);
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

    private static String clip(String value) {
        return value.length() > MAX_KEY_NAME ? value.substring(0, MAX_KEY_NAME) : value;
    }
}
