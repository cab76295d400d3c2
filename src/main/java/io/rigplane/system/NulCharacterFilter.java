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
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request with U+0000 in its path, a query parameter or a form field with a 400 that
 * names the field, before authentication or any handler could pass it to PostgreSQL (which
 * cannot store it in text). JSON bodies are checked where Jackson reads their strings.
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
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
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
}
