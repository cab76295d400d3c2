package io.rigplane.access.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.access.security.Caller;
import io.rigplane.access.sso.SignInOptions;
import io.rigplane.access.user.UserDirectory;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a local user changes their own password, with the current one. A single sign-on user has
 * no password here: the page says that the identity provider manages the account.
 */
@Controller
@RequestMapping("/account")
public class AccountPage implements DashboardPage {

    private final UserDirectory directory;
    private final CurrentActor currentActor;
    private final SignInOptions signIn;

    public AccountPage(UserDirectory directory, CurrentActor currentActor, SignInOptions signIn) {
        this.directory = directory;
        this.currentActor = currentActor;
        this.signIn = signIn;
    }

    @GetMapping
    public String account(Model model) {
        model.addAttribute("account", directory.get(currentActor.caller().username()));
        model.addAttribute("provider", signIn.singleSignOn() != null ? signIn.singleSignOn() : "your identity provider");
        return "access/account";
    }

    @PostMapping("/password")
    public String changePassword(@RequestParam(required = false) @Nullable String currentPassword,
            @RequestParam(required = false) @Nullable String newPassword,
            @RequestParam(required = false) @Nullable String confirmPassword, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            if (!Objects.equals(newPassword, confirmPassword)) {
                throw new InvalidRequestException(List.of(new FieldError("confirmPassword",
                        "does not match the new password")));
            }
            Caller caller = currentActor.caller();
            UserDirectory.PasswordChanged changed = directory.changePassword(caller, caller.username(),
                    currentPassword, newPassword, request.getRemoteAddr(), request.getSession().getId());
            redirect.addFlashAttribute("message", "Your password is changed. " + ended(changed.endedSessions())
                    + " This session stays signed in; your API tokens are kept.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", PageMessages.of(e));
        }
        return "redirect:/account";
    }

    static String ended(int sessions) {
        return sessions == 0 ? "You had no other dashboard session."
                : sessions == 1 ? "Ended 1 other dashboard session." : "Ended " + sessions + " other dashboard sessions.";
    }
}
