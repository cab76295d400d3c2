package io.rigplane.provisioning.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.operation.OperationConflictException;
import io.rigplane.operation.OperationRequest;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.provisioning.ChangeEffect;
import io.rigplane.provisioning.drift.DriftDetector;
import io.rigplane.provisioning.drift.DriftReport;
import io.rigplane.provisioning.plan.ApplyHandler;
import io.rigplane.provisioning.plan.ProvisioningPlans;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.system.DashboardPage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's plan of a profile: what applying it would change, the Apply button and drift. */
@Controller
@RequestMapping("/profiles/{name}")
class ProvisioningPage implements DashboardPage {

    /** What each effect means, in the legend's order. */
    static final Map<ChangeEffect, String> EFFECTS = effects();

    private final ProvisioningPlans plans;
    private final DriftDetector drift;
    private final Operations operations;
    private final CurrentActor actor;
    private final ProfileCatalog catalog;

    ProvisioningPage(ProvisioningPlans plans, DriftDetector drift, Operations operations, CurrentActor actor,
            ProfileCatalog catalog) {
        this.plans = plans;
        this.drift = drift;
        this.operations = operations;
        this.actor = actor;
        this.catalog = catalog;
    }

    @GetMapping("/plan")
    String plan(@PathVariable String name, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("drift", drift.report(name));
        model.addAttribute("effects", EFFECTS);
        operations.activeFor(name).ifPresent(id -> model.addAttribute("activeOperation", id));
        try {
            model.addAttribute("plan", plans.plan(name));
        } catch (ProxmoxException e) {
            model.addAttribute("planError", e.getMessage());
        }
        return "provisioning/plan";
    }

    @PostMapping("/apply")
    String apply(@PathVariable String name, @RequestParam(defaultValue = "false") boolean reboot,
            RedirectAttributes redirect) {
        // as the API does: a profile that does not exist is a 404, not an operation that fails later
        catalog.get(name);
        try {
            OperationView operation = operations.submit(new OperationRequest(ApplyHandler.KIND, name,
                    Map.of(ApplyHandler.REBOOT, Boolean.toString(reboot)), actor.get(), null));
            return "redirect:/operations/" + operation.id();
        } catch (OperationConflictException e) {
            redirect.addFlashAttribute("message", "Another operation is still working on " + name + ".");
            return "redirect:/operations/" + e.running();
        }
    }

    @PostMapping("/drift")
    String checkDrift(@PathVariable String name, RedirectAttributes redirect) {
        DriftReport report = drift.check(name);
        redirect.addFlashAttribute("message", report.error() != null ? "Drift check failed: " + report.error()
                : report.drifted() ? "Drift found: the VM was changed outside Rigplane."
                : "No drift found.");
        if (report.error() != null || report.drifted()) {
            // a finding to act on, not a success
            redirect.addFlashAttribute("messageTone", report.error() != null ? "error" : "warn");
        }
        return "redirect:/profiles/" + name + "/plan";
    }

    private static Map<ChangeEffect, String> effects() {
        Map<ChangeEffect, String> effects = new EnumMap<>(ChangeEffect.class);
        effects.put(ChangeEffect.CREATE, "created with the VM");
        effects.put(ChangeEffect.LIVE, "applied live");
        effects.put(ChangeEffect.PENDING_RESTART, "pending until the next restart");
        effects.put(ChangeEffect.NEEDS_STOP, "needs the VM stopped");
        effects.put(ChangeEffect.REFUSED, "refused: would destroy data");
        return Collections.unmodifiableMap(effects);
    }
}
