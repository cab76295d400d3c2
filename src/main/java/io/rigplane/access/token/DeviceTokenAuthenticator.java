package io.rigplane.access.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finds the device a bearer secret stands for, if it is known and not revoked. */
@Component
@Order(200)
public class DeviceTokenAuthenticator implements BearerCredentials {

    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final DeviceTokenRepository tokens;
    private final Clock clock;

    public DeviceTokenAuthenticator(DeviceTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeviceAuthentication> authenticate(String secret) {
        if (!secret.startsWith(TokenSecrets.DEVICE_PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(TokenSecrets.hash(secret))
                .filter(DeviceToken::usable)
                .map(token -> new DeviceAuthentication(token.id(), token.deviceId(), token.deviceName()));
    }

    @Override
    public void recordUse(Authentication authentication) {
        if (authentication instanceof DeviceAuthentication device) {
            Instant now = clock.instant();
            tokens.touch(device.tokenId(), now, now.minus(LAST_USE_PRECISION));
        }
    }
}
