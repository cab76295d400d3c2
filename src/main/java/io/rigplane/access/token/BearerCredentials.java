package io.rigplane.access.token;

import java.util.Optional;

/**
 * One kind of bearer secret the API accepts: script tokens and thin-client device tokens. Asked
 * only when {@link VerifiedTokens} does not know the secret yet.
 */
public interface BearerCredentials {

    /**
     * The authentication the secret stands for, or empty when this kind does not know it. Must
     * not throw for unknown secrets: every kind is tried in order.
     */
    Optional<? extends BearerAuthentication> authenticate(String secret);
}
