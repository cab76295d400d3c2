package io.rigplane.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor behind the current request, read from the security context. */
@Component
public class CurrentActor {

    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Actor.system();
        }
        if (authentication instanceof ApiTokenAuthentication token) {
            return new Actor(Actor.Type.TOKEN, token.getName());
        }
        if (authentication instanceof DeviceAuthentication device) {
            return new Actor(Actor.Type.DEVICE, device.getName());
        }
        return new Actor(Actor.Type.USER, authentication.getName());
    }
}
