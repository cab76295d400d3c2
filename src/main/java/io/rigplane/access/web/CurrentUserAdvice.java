package io.rigplane.access.web;

import io.rigplane.access.user.Role;
import io.rigplane.system.DashboardPage;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every dashboard page the signed-in user's name and role, so the layout shows only the
 * links and buttons that role may use (the security rules decide; this only avoids dead ends).
 */
@ControllerAdvice(assignableTypes = DashboardPage.class)
public class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    public @Nullable String currentUser(@Nullable Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("currentRole")
    public @Nullable String currentRole(@Nullable Principal principal) {
        if (principal instanceof Authentication authentication) {
            for (Role role : Role.values()) {
                if (authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()))) {
                    return role.toString();
                }
            }
        }
        return null;
    }
}
