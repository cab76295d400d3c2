package io.rigplane.access.web;

import io.rigplane.access.sso.SignInOptions;
import io.rigplane.access.sso.SingleSignOn;
import io.rigplane.system.DashboardPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard's sign-in page: the password form (unless turned off) and the single sign-on
 * button (when configured). Spring Security handles the form's POST and the provider's answer.
 */
@Controller
public class LoginPage implements DashboardPage {

    private final SignInOptions options;

    public LoginPage(SignInOptions options) {
        this.options = options;
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("localSignIn", options.local());
        model.addAttribute("singleSignOn", options.singleSignOn());
        model.addAttribute("singleSignOnStart", SingleSignOn.START);
        return "login";
    }

    /** The provider signed the person in, but their groups give no role here. */
    @GetMapping("/login/refused")
    public String refused(Model model) {
        model.addAttribute("singleSignOn", options.singleSignOn());
        model.addAttribute("singleSignOnStart", SingleSignOn.START);
        return "sso-refused";
    }
}
