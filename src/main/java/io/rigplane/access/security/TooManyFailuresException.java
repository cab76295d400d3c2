package io.rigplane.access.security;

import io.rigplane.system.ProblemException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Too many failed sign-ins or bad tokens; the client is told when to try again. */
public class TooManyFailuresException extends ProblemException {

    private final Duration retryAfter;

    public TooManyFailuresException(Duration retryAfter) {
        this(retryAfter, "too-many-failures", "Too many failed attempts",
                "Too many failed authentication attempts; try again in " + retryAfter.toSeconds() + " seconds");
    }

    /** The same answer (429, Retry-After) for another kind of limit. */
    protected TooManyFailuresException(Duration retryAfter, String kind, String title, String detail) {
        super(HttpStatus.TOO_MANY_REQUESTS, kind, title, detail);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return retryAfter.toSeconds();
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
        return headers;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("retryAfter", retryAfter.toSeconds());
    }
}
