package io.rigplane.session.web;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.CurrentActor;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.session.prewarm.PrewarmMode;
import io.rigplane.session.prewarm.PrewarmSettings;
import io.rigplane.session.prewarm.Prewarming;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.InvalidRequestException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A profile's pre-warming on the dashboard: when it is usually wanted, the next warm-up, what past
 * warm-ups saved and wasted, and (for admins) the settings, with the manual schedule typed as one
 * "FRIDAY 19:30" per line.
 */
@Controller
@RequestMapping("/profiles/{name}/prewarm")
class PrewarmPage implements DashboardPage {

    private final Prewarming prewarming;
    private final ProfileCatalog catalog;
    private final AuditTrail audit;
    private final CurrentActor actor;

    PrewarmPage(Prewarming prewarming, ProfileCatalog catalog, AuditTrail audit, CurrentActor actor) {
        this.prewarming = prewarming;
        this.catalog = catalog;
        this.audit = audit;
        this.actor = actor;
    }

    @GetMapping
    String show(@PathVariable String name, Model model) {
        catalog.get(name);
        model.addAttribute("report", prewarming.report(name));
        return "session/prewarm";
    }

    @PostMapping
    String save(@PathVariable String name, @RequestParam(defaultValue = "off") String mode,
            @RequestParam(defaultValue = "3") String leadMinutes, @RequestParam(defaultValue = "15") String graceMinutes,
            @RequestParam(defaultValue = "") String zone, @RequestParam(defaultValue = "") String manual,
            RedirectAttributes redirect) {
        catalog.get(name);
        try {
            PrewarmSettings saved = prewarming.put(name, new PrewarmSettings(mode(mode), seconds(leadMinutes, "leadSeconds"),
                    seconds(graceMinutes, "graceSeconds"), zone.isBlank() ? null : zone.strip(), times(manual)));
            audit.record(actor.get(), "session.prewarm", name, AuditOutcome.SUCCESS, saved.toString());
            redirect.addFlashAttribute("message", "Pre-warm settings saved.");
        } catch (InvalidRequestException refused) {
            redirect.addFlashAttribute("message", "Not saved: " + refused.getMessage());
            redirect.addFlashAttribute("messageTone", "error");
        }
        return "redirect:/profiles/" + name + "/prewarm";
    }

    private static PrewarmMode mode(String value) {
        try {
            return PrewarmMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("mode", "must be off, suggest or on");
        }
    }

    private static Integer seconds(String minutes, String field) {
        try {
            long value = Math.round(Double.parseDouble(minutes.strip()) * 60);
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a number of minutes");
        }
    }

    /** One "FRIDAY 19:30" (or "fri 19:30") per line; blank lines are ignored. */
    private static List<PrewarmSettings.ManualTime> times(String text) {
        List<PrewarmSettings.ManualTime> times = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length && times.size() <= PrewarmSettings.MAX_MANUAL; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw invalid("manual", "line " + (i + 1) + " is not like FRIDAY 19:30");
            }
            times.add(new PrewarmSettings.ManualTime(day(parts[0], i), time(parts[1], i)));
        }
        return times;
    }

    private static DayOfWeek day(String word, int line) {
        String upper = word.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (upper.length() >= 3 && day.name().startsWith(upper)) {
                return day;
            }
        }
        throw invalid("manual", "line " + (line + 1) + ": '" + word + "' is not a weekday");
    }

    private static LocalTime time(String word, int line) {
        try {
            return LocalTime.parse(word.length() == 4 ? "0" + word : word);
        } catch (DateTimeParseException e) {
            throw invalid("manual", "line " + (line + 1) + ": '" + word + "' is not a time like 19:30");
        }
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new io.rigplane.system.FieldError(field, message)));
    }
}
