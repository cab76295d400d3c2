package io.rigplane.access;

import io.rigplane.access.token.DeviceAuthentication;
import io.rigplane.access.token.DeviceToken;
import io.rigplane.access.token.DeviceTokenRepository;
import io.rigplane.access.token.TokenSecrets;
import io.rigplane.access.token.VerifiedTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bearer tokens of thin-client devices. The session module owns the devices and their
 * profile bindings; this service owns their secrets: it makes one per device (shown once, only
 * its hash kept), revokes it, and tells which device makes the current request.
 */
@Service
public class DeviceTokens {

    /** The only authority of a device request: no scope, so only rules that name it let it in. */
    public static final String AUTHORITY = "DEVICE";

    private final DeviceTokenRepository tokens;
    private final Clock clock;
    private final VerifiedTokens verified;

    DeviceTokens(DeviceTokenRepository tokens, Clock clock, VerifiedTokens verified) {
        this.tokens = tokens;
        this.clock = clock;
        this.verified = verified;
    }

    /**
     * Makes the token of a device that has none yet and returns its secret, which nobody can read
     * again. Joins the caller's transaction, so a device and its token are stored together.
     */
    @Transactional
    public String issue(UUID deviceId, String deviceName) {
        String secret = TokenSecrets.newDeviceToken();
        tokens.save(new DeviceToken(deviceId, deviceName, TokenSecrets.hash(secret), clock.instant()));
        return secret;
    }

    /** The token stops working with the next request. Idempotent. */
    @Transactional
    public void revoke(UUID deviceId) {
        tokens.findByDeviceId(deviceId).ifPresent(token -> {
            token.revoke(clock.instant());
            verified.forgetAfterCommit(VerifiedTokens.tokenChange(token.tokenHash()));
        });
    }

    /** When each of these devices last made a request (to the minute); absent when never. */
    @Transactional(readOnly = true)
    public Map<UUID, Instant> lastUsed(Collection<UUID> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Map.of();
        }
        return tokens.findByDeviceIdIn(deviceIds).stream().filter(token -> token.lastUsedAt() != null)
                .collect(Collectors.toMap(DeviceToken::deviceId, DeviceToken::lastUsedAt));
    }

    /** The device that makes the current request; empty for users, script tokens and background work. */
    public Optional<UUID> currentDevice() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof DeviceAuthentication device ? Optional.of(device.deviceId())
                : Optional.empty();
    }
}
