package io.rigplane.usage;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard's usage and energy: per profile, a chart of hours per day with the same figures as a table. */
@Controller
class UsagePage implements DashboardPage {

    private final UsageFigures figures;
    private final ProfileCatalog catalog;
    private final Clock clock;

    UsagePage(UsageFigures figures, ProfileCatalog catalog, Clock clock) {
        this.figures = figures;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/usage")
    String usage(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String profile, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String chosen = profile == null || profile.isBlank() ? null : profile;
        UsageRange range;
        try {
            range = UsageRange.parse(from, to, today);
        } catch (InvalidRequestException e) {
            model.addAttribute("rangeErrors", e.errors());
            range = UsageRange.parse(null, null, today);
        }
        model.addAttribute("report", figures.report(range, chosen));
        model.addAttribute("profile", chosen);
        model.addAttribute("profileNames", catalog.list(null, null, 0, ProfileCatalog.MAX_PAGE_SIZE).items().stream()
                .map(p -> p.spec().name()).toList());
        return "usage/usage";
    }
}
