package io.rigplane.notification;

import io.rigplane.system.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The notifications page (admins): targets with their state, resume and test, and the last deliveries. */
@Controller
@RequestMapping("/notifications")
class NotificationsPage {

    private static final int RECENT = 30;

    private final NotificationTargets targets;
    private final DeliveryStore deliveries;

    NotificationsPage(NotificationTargets targets, DeliveryStore deliveries) {
        this.targets = targets;
        this.deliveries = deliveries;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("targets", targets.list());
        model.addAttribute("deliveries", deliveries.recent(RECENT));
        model.addAttribute("events", EventType.subscribable());
        return "notification/notifications";
    }

    @PostMapping("/targets/{id}/resume")
    String resume(@PathVariable long id, RedirectAttributes redirect) {
        try {
            TargetView target = targets.resume(id);
            redirect.addFlashAttribute("message", "Resumed " + target.name() + ": " + target.pending()
                    + " queued deliveries go out again, oldest first.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/notifications";
    }

    @PostMapping("/targets/{id}/test")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        try {
            DeliveryView sent = targets.test(id);
            if (sent.status().equals("DELIVERED")) {
                redirect.addFlashAttribute("message", "Test sent to " + sent.targetName() + " (HTTP "
                        + sent.responseCode() + ").");
            } else {
                redirect.addFlashAttribute("problem", "Test to " + sent.targetName() + " failed: " + sent.error());
            }
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/notifications";
    }
}
