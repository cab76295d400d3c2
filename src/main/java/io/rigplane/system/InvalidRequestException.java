package io.rigplane.system;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request whose content breaks a rule; lists every broken rule by field. */
public class InvalidRequestException extends ProblemException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
