package io.rigplane.usage;

import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** UTC days from {@code from} to {@code to}, both included; the last 30 days unless asked otherwise. */
public record UsageRange(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    public static UsageRange parse(@Nullable String from, @Nullable String to, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = date("to", to, errors);
        LocalDate start = date("from", from, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (end == null) {
            end = start == null ? today : today.isBefore(start) ? start : today;
        }
        if (start == null) {
            start = end.minusDays(DEFAULT_DAYS - 1L);
        }
        if (end.isBefore(start)) {
            throw new InvalidRequestException(List.of(new FieldError("to", "must not be before from (" + start + ")")));
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new InvalidRequestException(List.of(new FieldError("from",
                    "the range may span at most " + MAX_DAYS + " days; " + start + " to " + end + " is "
                            + (ChronoUnit.DAYS.between(start, end) + 1))));
        }
        return new UsageRange(start, end);
    }

    private static @Nullable LocalDate date(String field, @Nullable String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 2000 || date.getYear() > 9999) {
                errors.add(new FieldError(field, "must be a year from 2000 to 9999"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO date like 2026-11-01"));
            return null;
        }
    }

    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the range. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
