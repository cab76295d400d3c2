package io.rigplane.access.token;

import io.rigplane.access.DeviceTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API request authenticated by a device token. It carries the {@code DEVICE} authority and
 * no scope, so every rule that asks for a scope refuses it.
 */
public class DeviceAuthentication extends BearerAuthentication {

    private final Long tokenId;
    private final UUID deviceId;
    private final String deviceName;

    public DeviceAuthentication(Long tokenId, UUID deviceId, String deviceName) {
        super(List.of(new SimpleGrantedAuthority(DeviceTokens.AUTHORITY)));
        this.tokenId = tokenId;
        this.deviceId = deviceId;
        this.deviceName = deviceName;
    }

    /** A device token does not expire; it is revoked. */
    @Override
    public boolean usableAt(Instant now) {
        return true;
    }

    /** A device belongs to no user. */
    @Override
    public boolean ownedBy(long userId) {
        return false;
    }

    @Override
    public LastUses.Token usedToken() {
        return new LastUses.Token(LastUses.Table.DEVICE_TOKEN, tokenId);
    }

    @Override
    public Object getPrincipal() {
        return deviceId;
    }

    /** The device's name, for the audit trail; never its secret. */
    @Override
    public String getName() {
        return deviceName;
    }

    public Long tokenId() {
        return tokenId;
    }

    public UUID deviceId() {
        return deviceId;
    }
}
