package io.rigplane.access.web;

import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.ProblemException;
import java.util.stream.Collectors;

/** A problem as one line for a dashboard flash message. */
public final class PageMessages {

    private PageMessages() {
    }

    public static String of(ProblemException problem) {
        if (problem instanceof InvalidRequestException invalid) {
            return invalid.errors().stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; "));
        }
        return problem.getMessage();
    }
}
