package io.rigplane.access.web;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.audit.AuditQuery;
import io.rigplane.access.audit.AuditResults;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log in the dashboard, with the API's filters (admins only). From and to come from the
 * browser's date-time pickers, in UTC like the table; an instant with its zone (older links) is
 * taken too.
 */
@Controller
@RequestMapping("/audit")
public class AuditLogPage implements DashboardPage {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail audit;

    public AuditLogPage(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    public String search(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable AuditOutcome outcome,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        List<FieldError> errors = new ArrayList<>();
        Instant fromInstant = instant("from", from, errors);
        Instant toInstant = instant("to", to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        AuditQuery query = new AuditQuery(actor, action, target, outcome, fromInstant, toInstant);
        AuditResults found = audit.search(query, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("events", found);
        model.addAttribute("query", query);
        model.addAttribute("from", picker(fromInstant));
        model.addAttribute("to", picker(toInstant));
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("hasNext", (long) (found.page() + 1) * found.size() < found.total());
        return "access/audit";
    }

    private static @Nullable Instant instant(String field, @Nullable String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(field, "must be a date and time such as 2026-01-31T18:00 (UTC)"));
                return null;
            }
        }
    }

    /** The value a datetime-local input shows: UTC, to the minute unless it has seconds. */
    private static @Nullable String picker(@Nullable Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime utc = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        return utc.getSecond() == 0 ? utc.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"))
                : utc.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
    }
}
