package io.rigplane.access.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.access.security.Caller;
import io.rigplane.access.token.IssuedToken;
import io.rigplane.access.token.Scope;
import io.rigplane.access.token.TokenIssuer;
import io.rigplane.system.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's own script tokens: make one (shown once), see when each was used, revoke. */
@Controller
@RequestMapping("/tokens")
public class TokenPage {

    /** Lifetimes offered on the form, in days; 0 means no expiry. */
    static final List<Integer> LIFETIMES = List.of(7, 30, 90, 365, 0);

    private final TokenIssuer issuer;
    private final CurrentActor currentActor;
    private final Clock clock;

    public TokenPage(TokenIssuer issuer, CurrentActor currentActor, Clock clock) {
        this.issuer = issuer;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping
    public String list(Model model) {
        Caller caller = currentActor.caller();
        model.addAttribute("tokens", issuer.list(caller));
        model.addAttribute("scopes", caller.scopes().stream().sorted().toList());
        model.addAttribute("lifetimes", LIFETIMES);
        return "access/tokens";
    }

    @PostMapping
    public String create(@RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable List<Scope> scopes,
            @RequestParam(defaultValue = "30") int days, RedirectAttributes redirect) {
        Instant expiresAt = days > 0 ? clock.instant().plus(Duration.ofDays(Math.min(days, 3650))) : null;
        try {
            IssuedToken issued = issuer.issue(currentActor.caller(), name, scopes, expiresAt);
            // a flash attribute lives for one redirect only: the secret is on exactly one page
            redirect.addFlashAttribute("newToken", issued.token());
            redirect.addFlashAttribute("message", "Made token " + issued.name() + ". Copy it now: it is not "
                    + "shown again.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", PageMessages.of(e));
        }
        return "redirect:/tokens";
    }

    @PostMapping("/{id}/revoke")
    public String revoke(@PathVariable long id, RedirectAttributes redirect) {
        try {
            issuer.revoke(currentActor.caller(), id);
            redirect.addFlashAttribute("message", "Revoked the token.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", PageMessages.of(e));
        }
        return "redirect:/tokens";
    }
}
