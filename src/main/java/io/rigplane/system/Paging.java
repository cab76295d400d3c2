package io.rigplane.system;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule every paged list follows: {@code size} from 1 to the list's maximum, and {@code page}
 * from 0 to the last page whose first row (page × size) can still be counted as an {@code int},
 * which is where Spring Data and JDBC offsets end. Beyond that there are no rows anyway.
 */
public final class Paging {

    private Paging() {
    }

    /** {@link InvalidRequestException} with every broken rule of the two parameters, when any. */
    public static void check(int page, int size, int maxSize) {
        List<FieldError> errors = errors(page, size, maxSize);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** Every broken rule of the two parameters, for a list that checks more parameters at once. */
    public static List<FieldError> errors(int page, int size, int maxSize) {
        List<FieldError> errors = new ArrayList<>();
        if (size < 1 || size > maxSize) {
            errors.add(new FieldError("size", "must be between 1 and " + maxSize));
        }
        int lastPage = Integer.MAX_VALUE / Math.max(1, Math.min(size, maxSize));
        if (page < 0 || page > lastPage) {
            errors.add(new FieldError("page", "must be between 0 and " + lastPage
                    + (size >= 1 && size <= maxSize ? " for size " + size : "")));
        }
        return errors;
    }
}
