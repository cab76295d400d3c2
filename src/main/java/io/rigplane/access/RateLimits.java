package io.rigplane.access;

import io.rigplane.access.security.FailureThrottle;
import io.rigplane.access.security.ThrottleProperties;
import io.rigplane.access.security.TooManyFailuresException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Limits anonymous calls per source address with the same shared counts as failed sign-ins
 * (PostgreSQL, so the limit holds across replicas): more than {@code max} calls of one kind within
 * {@code window} from one address are refused with 429 and {@code Retry-After} until the window ends.
 */
@Service
public class RateLimits {

    private static final int MAX_SOURCE = 64;

    private final FailureThrottle throttle;

    RateLimits(FailureThrottle throttle) {
        this.throttle = throttle;
    }

    /** Counts one call of this kind from the source; throws a 429 problem when it is over the limit. */
    public void take(String kind, String source, int max, Duration window) {
        String key = "rate:" + kind + ":" + (source.length() > MAX_SOURCE ? source.substring(0, MAX_SOURCE) : source);
        Optional<Duration> wait = throttle.recordFailure(key, new ThrottleProperties.Limit(max, window));
        if (wait.isPresent()) {
            throw new TooManyRequests(wait.get());
        }
    }

    /** Too many calls from one address; the answer says when to come back. */
    public static final class TooManyRequests extends TooManyFailuresException {
        TooManyRequests(Duration retryAfter) {
            super(retryAfter, "too-many-requests", "Too many requests",
                    "Too many requests from this address; try again in " + retryAfter.toSeconds() + " seconds");
        }
    }
}
