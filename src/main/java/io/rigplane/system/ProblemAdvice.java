package io.rigplane.system;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.ResolvableType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into an RFC 9457 problem with a stable type. Stack traces and internal
 * messages stay in the log; the client gets what it needs to fix its request.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return ResponseEntity.status(e.status()).headers(e.headers()).body(e.toProblem());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> element = e.getParameter().getNestedParameterType();
        if (java.util.Collection.class.isAssignableFrom(element)) {
            Class<?> item = ResolvableType.forMethodParameter(e.getParameter()).asCollection().resolveGeneric(0);
            if (item != null && item.isEnum()) {
                return problem(new InvalidRequestException(List.of(new FieldError(e.getName(),
                        "must be a comma-separated list of " + constants(item)))));
            }
        }
        if (element.isEnum()) {
            return problem(new InvalidRequestException(List.of(new FieldError(e.getName(),
                    "must be one of " + constants(element)))));
        }
        return problem(new InvalidRequestException(
                List.of(new FieldError(e.getName(), "must be a valid " + simpleTypeName(e.getRequiredType())))));
    }

    /**
     * A form field that names no property of the form, or a list row beyond the rows the form has
     * ({@code disks[5000].sizeGiB}): the binder refuses to grow the list that far.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    ResponseEntity<ProblemDetail> invalidFormField(InvalidPropertyException e) {
        return problem(new InvalidRequestException(List.of(new FieldError(NulCharacter.shown(e.getPropertyName()),
                "is not a field of this form, or its row number is out of range"))));
    }

    /**
     * A race the service's own checks could not see, such as two creates of one name. PostgreSQL's
     * data exceptions (SQLSTATE class 22: a value it cannot take, such as text with U+0000) are
     * bad input, not a conflict; the checks before the database should have caught them.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException e) {
        Optional<SQLException> sql = causeOf(e, SQLException.class);
        if (sql.isPresent() && sql.get().getSQLState() != null && sql.get().getSQLState().startsWith("22")) {
            log.warn("Database refused a value (SQLSTATE {}): {}", sql.get().getSQLState(), sql.get().getMessage());
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid value",
                    "A value of the request cannot be stored as given (for example, text with the NUL character)"));
        }
        log.info("Conflicting write refused: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "conflict",
                "Conflict", "The change conflicts with existing data; read the resource again and retry"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem(HttpStatus.PRECONDITION_FAILED,
                "precondition-failed", "Changed concurrently",
                "Someone else changed the resource meanwhile; read it again and retry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseOutage.causedBy(e)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    DatabaseOutage.describe(e));
            return problem(new DatabaseUnavailableException());
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error", "An unexpected error occurred; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(new InvalidRequestException(errors).toProblem());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<PayloadTooLargeException> tooLarge = causeOf(e, PayloadTooLargeException.class);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(tooLarge.get().status()).body(tooLarge.get().toProblem());
        }
        Optional<JacksonException> jackson = causeOf(e, JacksonException.class);
        if (jackson.isPresent() && !jackson.get().getPath().isEmpty()) {
            String field = jsonPath(jackson.get().getPath());
            return ResponseEntity.badRequest().body(new InvalidRequestException(
                    List.of(new FieldError(field, readableReason(jackson.get())))).toProblem());
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "Malformed request", "The request body is missing or is not valid JSON"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType().toString().equals("about:blank")) {
            problem.setType(ProblemTypes.of(kindOf(statusCode)));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static String kindOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }

    private static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(kind));
        problem.setTitle(title);
        return problem;
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String readableReason(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof StrictJsonConfiguration.NulCharacterException) {
            return NulCharacter.MESSAGE;
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return "could not be read";
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase()).toList());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String constants(Class<?> enumType) {
        return String.join(", ", Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
    }

    private static String simpleTypeName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName().toLowerCase();
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
