package io.rigplane.access.web;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.audit.AuditQuery;
import io.rigplane.access.audit.AuditResults;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log in the dashboard, with the API's filters (admins only). */
@Controller
@RequestMapping("/audit")
public class AuditLogPage {

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
            @RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AuditQuery query = new AuditQuery(actor, action, target, outcome, from, to);
        AuditResults found = audit.search(query, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("events", found);
        model.addAttribute("query", query);
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("hasNext", (long) (found.page() + 1) * found.size() < found.total());
        return "access/audit";
    }
}
