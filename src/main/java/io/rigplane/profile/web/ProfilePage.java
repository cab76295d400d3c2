package io.rigplane.profile.web;

import io.rigplane.profile.PlatformFit;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileConflictException;
import io.rigplane.profile.ProfileList;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileView;
import io.rigplane.profile.SyncStatus;
import io.rigplane.profile.VmStates;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.PreconditionFailedException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's profile pages: list, detail with the rendered config, and the form. */
@Controller
@RequestMapping("/profiles")
class ProfilePage implements DashboardPage {

    private static final int PAGE_SIZE = 25;

    private final ProfileCatalog catalog;
    private final SyncStatus sync;
    private final PlatformFit fits;
    private final VmStates vms;

    ProfilePage(ProfileCatalog catalog, ObjectProvider<SyncStatus> sync, ObjectProvider<PlatformFit> fits,
            ObjectProvider<VmStates> vms) {
        this.catalog = catalog;
        this.sync = sync.getIfAvailable(() -> SyncStatus.UNKNOWN);
        this.fits = fits.getIfAvailable(() -> PlatformFit.NONE);
        this.vms = vms.getIfAvailable(() -> VmStates.NONE);
    }

    @InitBinder("form")
    void limitBinding(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(ProfileForm.DISK_ROWS);
    }

    @ModelAttribute("platforms")
    List<String> platforms() {
        return catalog.platformIds();
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String node,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ProfileList profiles = catalog.list(node, tag, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("profiles", profiles);
        model.addAttribute("sync", sync.of(profiles.items().stream().map(p -> p.spec().name()).toList()));
        model.addAttribute("vms", vms.of(profiles.items()));
        model.addAttribute("node", node);
        model.addAttribute("tag", tag);
        return "profile/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new ProfileForm());
        model.addAttribute("editing", false);
        return "profile/form";
    }

    @PostMapping
    String create(@ModelAttribute("form") ProfileForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("editing", false);
        return save(form, result, redirect, spec -> catalog.create(spec));
    }

    @GetMapping("/{name}")
    String detail(@PathVariable String name, Model model) {
        ProfileView profile = catalog.get(name);
        model.addAttribute("profile", profile);
        model.addAttribute("config", catalog.render(profile.spec()));
        model.addAttribute("sync", sync.of(name));
        model.addAttribute("fits", fits.of(name));
        return "profile/detail";
    }

    /** Moves the profile onto another platform, then shows the plan that would carry it out. */
    @PostMapping("/{name}/move")
    String move(@PathVariable String name, @RequestParam String platform, RedirectAttributes redirect) {
        ProfileView profile = catalog.get(name);
        try {
            catalog.update(name, catalog.onPlatform(profile.spec(), platform), profile.etag());
            redirect.addFlashAttribute("message", "Moved profile " + name + " onto " + platform
                    + "; nothing changed on Proxmox yet. The plan below shows what applying does.");
            return "redirect:/profiles/" + name + "/plan";
        } catch (InvalidRequestException | PreconditionFailedException e) {
            redirect.addFlashAttribute("message", "Could not move onto " + platform + ": " + e.getMessage());
            return "redirect:/profiles/" + name;
        }
    }

    @GetMapping("/{name}/edit")
    String editForm(@PathVariable String name, Model model) {
        model.addAttribute("form", ProfileForm.of(catalog.get(name)));
        model.addAttribute("editing", true);
        return "profile/form";
    }

    @PostMapping("/{name}")
    String update(@PathVariable String name, @ModelAttribute("form") ProfileForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        form.setName(name);
        model.addAttribute("editing", true);
        String etag = form.getVersion().isBlank() ? null : "\"" + form.getVersion() + "\"";
        return save(form, result, redirect, spec -> catalog.update(name, spec, etag));
    }

    @PostMapping("/{name}/delete")
    String delete(@PathVariable String name, @RequestParam(defaultValue = "false") boolean releaseVm,
            RedirectAttributes redirect) {
        try {
            catalog.delete(name, null, releaseVm);
            redirect.addFlashAttribute("message", "Deleted profile " + name + ".");
            return "redirect:/profiles";
        } catch (ProfileConflictException e) {
            redirect.addFlashAttribute("message", e.getMessage());
            return "redirect:/profiles/" + name;
        }
    }

    private String save(ProfileForm form, BindingResult result, RedirectAttributes redirect,
            java.util.function.Function<ProfileSpec, ProfileView> action) {
        List<FieldError> parseErrors = new ArrayList<>();
        List<Integer> diskRows = new ArrayList<>();
        ProfileSpec spec = form.toSpec(parseErrors::add, diskRows);
        parseErrors.forEach(error -> reject(result, error.field(), error.message()));
        // show every broken rule at once; a field that did not parse has its error already
        catalog.check(spec).stream()
                .map(error -> new FieldError(formField(error.field(), diskRows), error.message()))
                .filter(error -> !result.hasFieldErrors(error.field()))
                .forEach(error -> reject(result, error.field(), error.message()));
        if (result.hasErrors()) {
            return "profile/form";
        }
        try {
            ProfileView saved = action.apply(spec);
            redirect.addFlashAttribute("message", "Saved profile " + saved.spec().name() + ".");
            return "redirect:/profiles/" + saved.spec().name();
        } catch (InvalidRequestException e) {
            e.errors().forEach(error -> reject(result, formField(error.field(), diskRows), error.message()));
        } catch (ProfileConflictException e) {
            reject(result, e.field(), e.getMessage());
        } catch (PreconditionFailedException e) {
            result.reject("changed", "Someone else changed this profile meanwhile; reload it and edit again.");
        }
        return "profile/form";
    }

    private static void reject(BindingResult result, String field, String message) {
        try {
            result.rejectValue(field, "invalid", message);
        } catch (RuntimeException notAFormField) {
            result.reject("invalid", field + " " + message);
        }
    }

    /** Maps a spec field path to the form field a person typed it in. */
    static String formField(String specField, List<Integer> diskRows) {
        if (specField.startsWith("network.")) {
            return specField.substring("network.".length());
        }
        if (specField.startsWith("tags")) {
            return "tags";
        }
        if (specField.startsWith("settings")) {
            return "settings";
        }
        java.util.regex.Matcher disk = java.util.regex.Pattern.compile("^disks\\[(\\d+)](.*)$").matcher(specField);
        if (disk.matches()) {
            int index = Integer.parseInt(disk.group(1));
            int row = index < diskRows.size() ? diskRows.get(index) : index;
            return disk.group(2).isEmpty() ? "disks" : "disks[" + row + "]" + disk.group(2);
        }
        return specField;
    }
}
