package io.rigplane.notification;

import io.rigplane.system.DashboardPage;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notifications pages (admins): targets with their state, the form that adds, changes and
 * deletes them, resume and test, and the last deliveries.
 */
@Controller
@RequestMapping("/notifications")
class NotificationsPage implements DashboardPage {

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

    /** The events a target may ask for, each with what it means, in the order of the API's list. */
    @ModelAttribute("eventChoices")
    Map<String, String> eventChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            if (type != EventType.TEST) {
                choices.put(type.wire(), type.description());
            }
        }
        return choices;
    }

    @GetMapping("/targets/new")
    String newForm(Model model) {
        model.addAttribute("form", new TargetForm());
        model.addAttribute("editing", null);
        return "notification/target";
    }

    @PostMapping("/targets")
    String create(@ModelAttribute("form") TargetForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("editing", null);
        return save(form, false, result, redirect, targets::create, "Added ");
    }

    @GetMapping("/targets/{id}")
    String editForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            TargetView target = targets.get(id);
            model.addAttribute("form", TargetForm.of(target));
            model.addAttribute("editing", target);
            return "notification/target";
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/notifications";
        }
    }

    @PostMapping("/targets/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") TargetForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            model.addAttribute("editing", targets.get(id));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/notifications";
        }
        return save(form, true, result, redirect, request -> targets.update(id, request), "Saved ");
    }

    @PostMapping("/targets/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            TargetView target = targets.get(id);
            targets.delete(id);
            redirect.addFlashAttribute("message", "Deleted " + target.name() + (target.pending() == 0 ? "."
                    : " and its " + target.pending() + " queued deliveries."));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/notifications";
    }

    private String save(TargetForm form, boolean editing, BindingResult result, RedirectAttributes redirect,
            Function<TargetRequest, TargetView> action, String done) {
        List<FieldError> parseErrors = new ArrayList<>();
        TargetRequest request = form.toRequest(editing, parseErrors::add);
        parseErrors.forEach(error -> reject(result, error.field(), error.message()));
        if (result.hasErrors()) {
            return "notification/target";
        }
        try {
            TargetView saved = action.apply(request);
            redirect.addFlashAttribute("message", done + saved.kind() + " target " + saved.name() + ".");
            return "redirect:/notifications";
        } catch (InvalidRequestException e) {
            e.errors().forEach(error -> reject(result, error.field(), error.message()));
        } catch (TargetNameTakenException e) {
            reject(result, "name", e.getMessage());
        } catch (ProblemException e) {
            result.reject("problem", e.getMessage());
        }
        return "notification/target";
    }

    /** {@code events[2]} and {@code tags[0]} are errors of the checkboxes and of the tags field. */
    private static void reject(BindingResult result, String field, String message) {
        String formField = field.replaceAll("\\[\\d+]$", "");
        if (List.of("name", "kind", "url", "secret", "events", "priority", "tags", "paused").contains(formField)) {
            result.rejectValue(formField, "invalid", message);
        } else {
            result.reject("invalid", field + " " + message);
        }
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
