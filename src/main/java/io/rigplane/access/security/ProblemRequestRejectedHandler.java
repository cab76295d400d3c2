package io.rigplane.access.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.rigplane.system.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A URL the firewall refuses (a ';', '..' or '//' in the path, say) gets a problem response like
 * any other bad request, instead of the generic error page. The reason stays in the log.
 */
@Component
public class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final JsonMapper json;

    public ProblemRequestRejectedHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException rejected) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request URL holds characters or sequences that are not allowed");
        problem.setType(ProblemTypes.of("malformed-request"));
        problem.setTitle("Malformed request");
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
