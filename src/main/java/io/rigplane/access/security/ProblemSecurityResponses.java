package io.rigplane.access.security;

import io.rigplane.system.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 of the API as problem responses, like every other error. */
public class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    public ProblemSecurityResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"rigplane\"");
        String detail = request.getHeader("Authorization") == null
                ? "This call needs an Authorization: Bearer <token> header"
                : "The token is unknown, revoked or expired";
        write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your token's scopes do not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    public void tooManyFailures(HttpServletResponse response, java.time.Duration retryAfter) throws IOException {
        new TooManyFailuresException(retryAfter).writeTo(response, json);
    }

    private void write(HttpServletResponse response, HttpStatus status, String kind, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(kind));
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
