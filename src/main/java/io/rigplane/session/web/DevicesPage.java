package io.rigplane.session.web;

import io.rigplane.session.device.DeviceCreated;
import io.rigplane.session.device.DeviceQrCode;
import io.rigplane.session.device.DeviceRegistry;
import io.rigplane.session.device.DeviceView;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.ProblemException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The admins' devices page: register a thin client (its token shown once, with a QR code of its
 * sign-in link for a phone), see when each was last seen, change its profiles, revoke.
 */
@Controller
@RequestMapping("/devices")
class DevicesPage implements DashboardPage {

    private final DeviceRegistry registry;

    DevicesPage(DeviceRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("devices", registry.list());
        model.addAttribute("profiles", registry.profileNames());
        if (model.getAttribute("newToken") instanceof String token) {
            // the token travels in the fragment, which browsers never send to a server
            String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/play").build().toUriString()
                    + "#token=" + token;
            model.addAttribute("playLink", link);
            model.addAttribute("qrCode", DeviceQrCode.svg(link));
        }
        return "session/devices";
    }

    @PostMapping
    String create(@RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable List<String> profiles, RedirectAttributes redirect) {
        try {
            DeviceCreated created = registry.create(name, profiles == null ? List.of() : profiles);
            // a flash attribute lives for one redirect only: the secret is on exactly one page
            redirect.addFlashAttribute("newToken", created.token());
            redirect.addFlashAttribute("newDevice", created.name());
            redirect.addFlashAttribute("message", "Registered device " + created.name()
                    + ". Copy its token or scan the code now: neither is shown again.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/devices";
    }

    @PostMapping("/{id}/profiles")
    String rebind(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<String> profiles,
            RedirectAttributes redirect) {
        try {
            DeviceView device = registry.rebind(id, profiles == null ? List.of() : profiles);
            redirect.addFlashAttribute("message", "Device " + device.name() + " may now stream "
                    + (device.profiles().isEmpty() ? "no profile" : String.join(", ", device.profiles())) + ".");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/devices";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            registry.revoke(id);
            redirect.addFlashAttribute("message", "Revoked the device; its token no longer works.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/devices";
    }

    private static String message(ProblemException problem) {
        if (problem instanceof InvalidRequestException invalid) {
            return invalid.errors().stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; "));
        }
        return problem.getMessage();
    }
}
