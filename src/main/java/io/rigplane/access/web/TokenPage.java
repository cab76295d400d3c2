package io.rigplane.access.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.access.security.Caller;
import io.rigplane.access.token.IssuedToken;
import io.rigplane.access.token.Scope;
import io.rigplane.access.token.TokenIssuer;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
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
public class TokenPage implements DashboardPage {

    /** Lifetimes offered on the form: days, or {@link #NEVER}; nothing else is taken. */
    static final List<String> LIFETIMES = List.of("7", "30", "90", "365", "never");

    static final String NEVER = "never";

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
            @RequestParam(defaultValue = "30") String days, RedirectAttributes redirect) {
        try {
            // a lifetime the form does not offer (-5, 0, 99999) is refused: it must never turn into "no expiry"
            if (!LIFETIMES.contains(days)) {
                throw new InvalidRequestException(List.of(new FieldError("days", "must be one of "
                        + String.join(", ", LIFETIMES.subList(0, LIFETIMES.size() - 1)) + " days or never")));
            }
            Instant expiresAt = NEVER.equals(days) ? null : clock.instant().plus(Duration.ofDays(Long.parseLong(days)));
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
