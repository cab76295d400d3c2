package io.rigplane.profile.web;

import io.rigplane.profile.platform.PlatformCatalog;
import io.rigplane.profile.platform.PlatformConflictException;
import io.rigplane.profile.platform.PlatformDefinition;
import io.rigplane.profile.platform.PlatformRequest;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.PreconditionFailedException;
import java.util.ArrayList;
import java.util.List;
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

/** The dashboard's platform pages: the list, one platform with its layers, and the form. */
@Controller
@RequestMapping("/platforms")
class PlatformPage implements DashboardPage {

    private final PlatformCatalog platforms;

    PlatformPage(PlatformCatalog platforms) {
        this.platforms = platforms;
    }

    @ModelAttribute("platformIds")
    List<String> platformIds() {
        return platforms.list().stream().map(PlatformDefinition::id).toList();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("platforms", platforms.list());
        return "platform/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new PlatformForm());
        model.addAttribute("editing", false);
        return "platform/form";
    }

    @PostMapping
    String create(@ModelAttribute("form") PlatformForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("editing", false);
        return save(form, result, redirect, platforms::create);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, Model model) {
        model.addAttribute("platform", platforms.get(id));
        model.addAttribute("chain", platforms.chainOf(id));
        return "platform/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable String id, Model model, RedirectAttributes redirect) {
        PlatformDefinition platform = platforms.get(id);
        if (platform.builtIn()) {
            redirect.addFlashAttribute("message", "Platform " + id + " is built in and read-only; create one that "
                    + "extends it.");
            return "redirect:/platforms/" + id;
        }
        model.addAttribute("form", PlatformForm.of(platform));
        model.addAttribute("editing", true);
        return "platform/form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute("form") PlatformForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        form.setId(id);
        model.addAttribute("editing", true);
        String etag = form.getVersion().isBlank() ? null : "\"" + form.getVersion() + "\"";
        return save(form, result, redirect, request -> platforms.update(id, request, etag));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        try {
            platforms.delete(id, null);
            redirect.addFlashAttribute("message", "Deleted platform " + id + ".");
            return "redirect:/platforms";
        } catch (PlatformConflictException e) {
            redirect.addFlashAttribute("message", e.getMessage());
            return "redirect:/platforms/" + id;
        }
    }

    private String save(PlatformForm form, BindingResult result, RedirectAttributes redirect,
            Function<PlatformRequest, PlatformDefinition> action) {
        List<FieldError> parseErrors = new ArrayList<>();
        PlatformRequest request = form.toRequest(parseErrors::add);
        parseErrors.forEach(error -> reject(result, error.field(), error.message()));
        if (result.hasErrors()) {
            return "platform/form";
        }
        try {
            PlatformDefinition saved = action.apply(request);
            redirect.addFlashAttribute("message", "Saved platform " + saved.id() + ".");
            return "redirect:/platforms/" + saved.id();
        } catch (InvalidRequestException e) {
            e.errors().forEach(error -> reject(result, formField(error.field()), error.field() + " " + error.message()));
        } catch (PlatformConflictException e) {
            result.reject("conflict", e.getMessage());
            e.errors().forEach(error -> result.reject("conflict", error.field() + " " + error.message()));
        } catch (PreconditionFailedException e) {
            result.reject("changed", "Someone else changed this platform meanwhile; reload it and edit again.");
        }
        return "platform/form";
    }

    /** Settings errors name their key (settings.cpu); they belong to the settings box. */
    private static String formField(String field) {
        if (field.startsWith("settings")) {
            return "settings";
        }
        return field.equals("extends") ? "parent" : field;
    }

    private static void reject(BindingResult result, String field, String message) {
        try {
            result.rejectValue(field, "invalid", message);
        } catch (RuntimeException notAFormField) {
            result.reject("invalid", field + " " + message);
        }
    }
}
