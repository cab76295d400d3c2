package io.rigplane.access.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.access.security.DashboardAuthorizationRules;
import io.rigplane.access.user.Role;
import io.rigplane.access.user.UserDirectory;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's user administration (admins only, see DashboardAuthorizationRules). */
@Controller
@RequestMapping("/users")
public class UserPage implements DashboardPage {

    private final UserDirectory directory;
    private final CurrentActor currentActor;

    public UserPage(UserDirectory directory, CurrentActor currentActor) {
        this.directory = directory;
        this.currentActor = currentActor;
    }

    @GetMapping
    public String list(Model model) {
        model.addAttribute("users", directory.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("locked", directory.lockedUsers());
        return "access/users";
    }

    @PostMapping
    public String create(@RequestParam(required = false) @Nullable String username,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable Role role, RedirectAttributes redirect) {
        return act(redirect, () -> directory.create(username, password, role), "Created user " + username + ".");
    }

    @PostMapping("/{username}/role")
    public String changeRole(@PathVariable String username, @RequestParam(required = false) @Nullable Role role,
            RedirectAttributes redirect) {
        return act(redirect, () -> directory.changeRole(username, role), "Changed the role of " + username + ".");
    }

    @PostMapping("/{username}/password")
    public String resetPassword(@PathVariable String username,
            @RequestParam(required = false) @Nullable String newPassword, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            UserDirectory.PasswordChanged changed = directory.changePassword(currentActor.caller(), username, null,
                    newPassword, request.getRemoteAddr(), request.getSession().getId());
            redirect.addFlashAttribute("message", "Set a new password for " + username + " and unlocked the account. "
                    + "Ended " + changed.endedSessions() + " of " + username + "'s dashboard sessions; tokens are kept.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", PageMessages.of(e));
        }
        return "redirect:/users";
    }

    @PostMapping("/{username}/unlock")
    public String unlock(@PathVariable String username, RedirectAttributes redirect) {
        return act(redirect, () -> directory.unlock(username), "Unlocked " + username + " for every address.");
    }

    @PostMapping("/{username}/delete")
    public String delete(@PathVariable String username, RedirectAttributes redirect) {
        return act(redirect, () -> directory.delete(username), "Deleted user " + username + ".");
    }

    private static String act(RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", PageMessages.of(e));
        }
        return "redirect:/users";
    }
}
