package io.rigplane.snapshot.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.operation.OperationConflictException;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.snapshot.catalog.RollbackRequest;
import io.rigplane.snapshot.catalog.SnapshotCatalog;
import io.rigplane.snapshot.catalog.SnapshotEntry;
import io.rigplane.system.DashboardPage;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A profile's snapshots on the dashboard: the timeline of runs, the policy form with each next
 * run, the snapshots on Proxmox, the latest runs and a "Snapshot now" button.
 */
@Controller
class SnapshotPage implements DashboardPage {

    private static final int TIMELINE_RUNS = 200;

    private final SnapshotPolicies policies;
    private final SnapshotCatalog catalog;
    private final SnapshotRuns runs;
    private final RunStore history;
    private final CurrentActor actor;
    private final Clock clock;
    private final ProfileVms vms;

    SnapshotPage(SnapshotPolicies policies, SnapshotCatalog catalog, SnapshotRuns runs, RunStore history,
            CurrentActor actor, Clock clock, ProfileVms vms) {
        this.vms = vms;
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
    String page(@PathVariable String name, @RequestParam(required = false) @Nullable String rollback,
            @RequestParam(required = false) @Nullable String delete, Model model) {
        PolicyView view = policies.get(name);
        model.addAttribute("name", name);
        model.addAttribute("times", new Times());
        model.addAttribute("policies", view);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PolicyForm.of(view));
        }
        List<SnapshotEntry> snapshots = List.of();
        try {
            snapshots = catalog.list(name);
        } catch (ProblemException e) {
            model.addAttribute("snapshotsError", e.getMessage());
        }
        model.addAttribute("snapshots", snapshots);
        confirmation(name, rollback, delete, snapshots).ifPresent(c -> model.addAttribute("confirm", c));
        List<SnapshotRun> recent = history.page(name, null, null, 0, TIMELINE_RUNS).items();
        model.addAttribute("runs", recent.subList(0, Math.min(20, recent.size())));
        model.addAttribute("timeline", SnapshotTimeline.of(recent.stream()
                .filter(r -> r.createdAt().isAfter(clock.instant().minus(Duration.ofDays(400)))).toList()));
        return "snapshot/snapshots";
    }

    /**
     * The dialog that asks before a rollback or a delete, for a snapshot the page lists; a rollback says
     * whether the VM runs, since it is then stopped first.
     */
    private java.util.Optional<Confirmation> confirmation(String profile, @Nullable String rollback,
            @Nullable String delete, List<SnapshotEntry> snapshots) {
        String wanted = rollback != null ? rollback : delete;
        java.util.Optional<SnapshotEntry> entry = snapshots.stream().filter(s -> s.name().equals(wanted)).findFirst();
        if (entry.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (rollback != null) {
            boolean running;
            try {
                running = vms.find(profile).map(VmHandle::running).orElse(false);
            } catch (RuntimeException unknown) {
                running = true;
            }
            return java.util.Optional.of(new Confirmation("rollback", entry.get(), running));
        }
        return java.util.Optional.of(new Confirmation("delete", entry.get(), false));
    }

    /** What the confirmation dialog asks about. */
    record Confirmation(String action, SnapshotEntry snapshot, boolean running) {
    }

    @PostMapping("/snapshots/{name}/rollback")
    String rollback(@PathVariable String name, @RequestParam String snapshot,
            @RequestParam(defaultValue = "false") boolean stopFirst, RedirectAttributes redirect) {
        return asOperation(name, redirect,
                () -> catalog.rollback(name, snapshot, new RollbackRequest(snapshot, stopFirst), actor.get()));
    }

    /** Admins only (the dashboard's rule for any POST not listed), as in the API. */
    @PostMapping("/profiles/{name}/snapshots/delete")
    String delete(@PathVariable String name, @RequestParam String snapshot, RedirectAttributes redirect) {
        return asOperation(name, redirect, () -> catalog.delete(name, snapshot, snapshot, actor.get()));
    }

    private String asOperation(String name, RedirectAttributes redirect,
            java.util.function.Supplier<io.rigplane.operation.OperationView> submit) {
        try {
            return "redirect:/operations/" + submit.get().id();
        } catch (OperationConflictException e) {
            redirect.addFlashAttribute("message", "Another operation is still working on " + name + ".");
            return "redirect:/operations/" + e.running();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("message", e.getMessage());
            redirect.addFlashAttribute("messageTone", "error");
            return "redirect:/profiles/" + name + "/snapshots";
        }
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
