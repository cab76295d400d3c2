package io.rigplane.session.web;

import io.rigplane.session.device.DeviceRegistry;
import io.rigplane.session.device.DeviceView;
import io.rigplane.session.signin.DeviceAuthorizations;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.ProblemException;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an admin approves the code a TV shows (typed, or opened from the TV's QR code), naming
 * the device and ticking its profiles as when registering one; or denies it.
 */
@Controller
@RequestMapping("/devices/approve")
class DeviceApprovalPage implements DashboardPage {

    private final DeviceAuthorizations authorizations;
    private final DeviceRegistry registry;

    DeviceApprovalPage(DeviceAuthorizations authorizations, DeviceRegistry registry) {
        this.authorizations = authorizations;
        this.registry = registry;
    }

    @GetMapping
    String show(@RequestParam(required = false) @Nullable String code, Model model) {
        String typed = code == null || code.length() > 32 ? "" : code.strip();
        DeviceAuthorizations.Pending pending = typed.isEmpty() ? null : authorizations.pending(typed).orElse(null);
        model.addAttribute("code", typed);
        model.addAttribute("pending", pending);
        // after a decision the code is over: no need to say so
        model.addAttribute("unknown", !typed.isEmpty() && pending == null && model.getAttribute("message") == null);
        model.addAttribute("profiles", registry.profileNames());
        return "session/approve";
    }

    @PostMapping
    String decide(@RequestParam(required = false) @Nullable String userCode,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable List<String> profiles,
            @RequestParam(required = false) @Nullable String decision, RedirectAttributes redirect) {
        try {
            if ("deny".equals(decision)) {
                authorizations.deny(userCode);
                redirect.addFlashAttribute("message", "Denied: that TV is not signed in and shows so.");
                return "redirect:/devices/approve";
            }
            DeviceView device = authorizations.approve(userCode, name, profiles == null ? List.of() : profiles);
            redirect.addFlashAttribute("message", "Approved: the TV signs in as " + device.name()
                    + " within a few seconds" + (device.profiles().isEmpty() ? "."
                    : " and may stream " + String.join(", ", device.profiles()) + "."));
            return "redirect:/devices/approve";
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", message(e));
            redirect.addFlashAttribute("typedName", name);
            redirect.addAttribute("code", userCode == null || userCode.length() > 32 ? "" : userCode);
            return "redirect:/devices/approve";
        }
    }

    private static String message(ProblemException problem) {
        if (problem instanceof InvalidRequestException invalid) {
            return invalid.errors().stream().map(error -> (error.field().equals("userCode") ? "code" : error.field())
                    + " " + error.message()).collect(Collectors.joining("; "));
        }
        return problem.getMessage();
    }
}
