package io.rigplane.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request with U+0000 in its path, a query parameter or a form field with a 400 that
 * names the field, before authentication or any handler could pass it to PostgreSQL (which
 * cannot store it in text). JSON bodies are checked where Jackson reads their strings. Parameters
 * that cannot be decoded at all are refused here too, as a malformed request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class NulCharacterFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    NulCharacterFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldError> errors = new ArrayList<>();
        if (request.getRequestURI().toLowerCase(Locale.ROOT).contains("%00")) {
            errors.add(new FieldError("path", NulCharacter.MESSAGE));
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (InvalidParameterException e) {
            // Tomcat cannot decode them (a bad %-escape or invalid UTF-8): say so as a problem
            new MalformedParametersException().writeTo(response, json);
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            boolean nul = NulCharacter.in(parameter.getKey());
            for (String value : parameter.getValue()) {
                nul |= NulCharacter.in(value);
            }
            if (nul) {
                errors.add(new FieldError(NulCharacter.shown(parameter.getKey()), NulCharacter.MESSAGE));
            }
        }
        if (!errors.isEmpty()) {
            new InvalidRequestException(errors).writeTo(response, json);
            return;
        }
        chain.doFilter(request, response);
    }

    private static final class MalformedParametersException extends ProblemException {

        MalformedParametersException() {
            super(org.springframework.http.HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "A query parameter or form field is not valid percent-encoded UTF-8");
        }
    }
}
