package io.rigplane.snapshot.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.operation.OperationConflictException;
import io.rigplane.snapshot.catalog.SnapshotCatalog;
import io.rigplane.snapshot.policy.PolicyRules;
import io.rigplane.snapshot.policy.PolicyView;
import io.rigplane.snapshot.policy.SnapshotPolicies;
import io.rigplane.snapshot.run.RunStore;
import io.rigplane.snapshot.run.SnapshotRun;
import io.rigplane.snapshot.run.SnapshotRuns;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A profile's snapshots on the dashboard: the timeline of runs, the policy form with each next
 * run, the snapshots on Proxmox, the latest runs and a "Snapshot now" button.
 */
@Controller
class SnapshotPage {

    private static final int TIMELINE_RUNS = 200;

    private final SnapshotPolicies policies;
    private final SnapshotCatalog catalog;
    private final SnapshotRuns runs;
    private final RunStore history;
    private final CurrentActor actor;
    private final Clock clock;

    SnapshotPage(SnapshotPolicies policies, SnapshotCatalog catalog, SnapshotRuns runs, RunStore history,
            CurrentActor actor, Clock clock) {
        this.policies = policies;
        this.catalog = catalog;
        this.runs = runs;
        this.history = history;
        this.actor = actor;
        this.clock = clock;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(PolicyRules.MAX_POLICIES + 1);
    }

    @GetMapping("/profiles/{name}/snapshots")
    String page(@PathVariable String name, Model model) {
        PolicyView view = policies.get(name);
        model.addAttribute("name", name);
        model.addAttribute("times", new Times());
        model.addAttribute("policies", view);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PolicyForm.of(view));
        }
        try {
            model.addAttribute("snapshots", catalog.list(name));
        } catch (ProblemException e) {
            model.addAttribute("snapshots", List.of());
            model.addAttribute("snapshotsError", e.getMessage());
        }
        List<SnapshotRun> recent = history.page(name, null, null, 0, TIMELINE_RUNS).items();
        model.addAttribute("runs", recent.subList(0, Math.min(20, recent.size())));
        model.addAttribute("timeline", SnapshotTimeline.of(recent.stream()
                .filter(r -> r.createdAt().isAfter(clock.instant().minus(Duration.ofDays(400)))).toList(),
                clock.instant()));
        return "snapshot/snapshots";
    }

    /** Times as the page shows them. */
    static final class Times {
        private static final java.time.format.DateTimeFormatter UTC = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

        public String utc(java.time.@org.jspecify.annotations.Nullable Instant at) {
            return at == null ? "" : UTC.format(at);
        }
    }

    @PostMapping("/snapshots/{name}/policy")
    String savePolicy(@PathVariable String name, @ModelAttribute("form") PolicyForm form, RedirectAttributes redirect) {
        try {
            policies.replace(name, form.toPolicies(), actor.get());
            redirect.addFlashAttribute("message", "Snapshot policies saved.");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("policyErrors", e.errors());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/profiles/" + name + "/snapshots";
    }

    @PostMapping("/snapshots/{name}/take")
    String takeNow(@PathVariable String name, RedirectAttributes redirect) {
        try {
            return "redirect:/operations/" + runs.takeNow(name, null, actor.get()).id();
        } catch (OperationConflictException e) {
            redirect.addFlashAttribute("message", "Another operation is still working on " + name + ".");
            return "redirect:/operations/" + e.running();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("message", e.getMessage());
            return "redirect:/profiles/" + name + "/snapshots";
        }
    }
}
