package io.rigplane.system;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error that is an answer: it becomes an RFC 9457 problem with a stable {@code type}.
 * Modules subclass it for each kind of error they report.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;

    protected ProblemException(HttpStatus status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    /** Extra members of the problem body, such as the conflicting resource. */
    protected Map<String, Object> properties() {
        return Map.of();
    }

    /** Extra response headers, such as {@code Retry-After}. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }

    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(ProblemTypes.of(kind));
        problem.setTitle(title);
        properties().forEach(problem::setProperty);
        return problem;
    }

    public URI type() {
        return ProblemTypes.of(kind);
    }
}
