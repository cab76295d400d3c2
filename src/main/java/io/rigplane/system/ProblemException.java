package io.rigplane.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * Answers with this problem where no controller advice reaches (servlet filters, security
     * handlers): status, extra headers and the problem body.
     */
    public void writeTo(HttpServletResponse response, JsonMapper json) throws IOException {
        response.setStatus(status.value());
        headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), toProblem());
    }

    public URI type() {
        return ProblemTypes.of(kind);
    }
}
