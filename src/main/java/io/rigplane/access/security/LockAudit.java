package io.rigplane.access.security;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.user.UserAccount;
import io.rigplane.access.user.UserAccountRepository;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Puts each account lock in the audit trail, so an admin sees who is being guessed at, and from where. */
@Component
public class LockAudit {

    private final AuditTrail audit;
    private final UserAccountRepository users;

    public LockAudit(AuditTrail audit, UserAccountRepository users) {
        this.audit = audit;
        this.users = users;
    }

    void locked(String typedName, String source, SignInLockout.Lock lock) {
        // a name nobody has may be a password typed in the wrong field: it stays out of the audit log
        String known = users.findByUsername(typedName.toLowerCase(Locale.ROOT)).map(UserAccount::username)
                .orElse("(unknown)");
        audit.record(Actor.system(), "user.lock", "user:" + known, AuditOutcome.SUCCESS,
                "locked for " + source + " for " + readable(lock.duration()) + " after " + lock.failures()
                        + " wrong passwords (lock " + lock.number() + ")");
    }

    static String readable(java.time.Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? duration.toMinutes() + " min" : duration.toHours() + " h";
    }
}
