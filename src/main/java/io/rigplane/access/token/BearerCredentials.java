package io.rigplane.access.token;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * One kind of bearer secret the API accepts. Script tokens are one kind; the thin-client device
 * tokens of the sessions module will be another bean of this type, bound to profiles, without
 * any change to the filter or the throttling around it.
 */
public interface BearerCredentials {

    /**
     * The authentication the secret stands for, or empty when this kind does not know it. Must
     * not throw for unknown secrets: the filter tries every kind in order.
     */
    Optional<? extends Authentication> authenticate(String secret);

    /** Called after a request was let in with an authentication this kind returned. */
    public default void recordUse(Authentication authentication) {
    }
}
