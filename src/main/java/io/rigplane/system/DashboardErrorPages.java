package io.rigplane.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A browser asking for a dashboard page gets the dashboard's error page, not the problem JSON
 * the API answers with; runs before {@link ProblemAdvice}, which keeps every other request.
 * Unexpected errors are left to the advice, which logs them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DashboardErrorPages implements HandlerExceptionResolver {

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception e) {
        if (!wantsPage(request)) {
            return null;
        }
        if (e instanceof ProblemException problem) {
            return page(response, problem.status(), problem.getMessage());
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return page(response, HttpStatus.BAD_REQUEST,
                    "The address is not valid: its " + mismatch.getName() + " is malformed.");
        }
        if (e instanceof NoResourceFoundException) {
            return page(response, HttpStatus.NOT_FOUND, null);
        }
        if (e instanceof ErrorResponse error) {
            HttpStatus status = HttpStatus.resolve(error.getStatusCode().value());
            return status == null ? null : page(response, status, error.getBody().getDetail());
        }
        return null;
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            // only an explicit text/html: fetch() calls and scripts ask for JSON or for anything
            return types.stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    private static ModelAndView page(HttpServletResponse response, HttpStatus status, @Nullable String detail) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error", Map.of("status", status.value(),
                "error", status.getReasonPhrase()));
        if (detail != null && !detail.isBlank()) {
            page.addObject("detail", detail);
        }
        page.setStatus(status);
        return page;
    }
}
