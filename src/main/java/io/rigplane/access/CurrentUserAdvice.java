package io.rigplane.access;

import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every dashboard page the signed-in user's name for the header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    @Nullable String currentUser(@Nullable Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
