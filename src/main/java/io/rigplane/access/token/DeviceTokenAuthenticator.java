package io.rigplane.access.token;

import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Finds the device a bearer secret stands for, if it is known and not revoked. */
@Component
@Order(200)
public class DeviceTokenAuthenticator implements BearerCredentials {

    private final DeviceTokenRepository tokens;

    public DeviceTokenAuthenticator(DeviceTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<DeviceAuthentication> authenticate(String secret) {
        if (!secret.startsWith(TokenSecrets.DEVICE_PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(TokenSecrets.hash(secret))
                .filter(DeviceToken::usable)
                .map(token -> new DeviceAuthentication(token.id(), token.deviceId(), token.deviceName()));
    }
}
