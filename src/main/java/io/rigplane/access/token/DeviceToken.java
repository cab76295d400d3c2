package io.rigplane.access.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A thin-client device's bearer token. Only a hash of the secret is stored; the device's name is
 * kept here so that the actor of a device request is known without asking the session module.
 */
@Entity
@Table(name = "device_token")
public class DeviceToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "device_id", nullable = false, unique = true)
    private UUID deviceId;

    @Column(name = "device_name", nullable = false)
    private String deviceName;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    protected DeviceToken() {
    }

    public DeviceToken(UUID deviceId, String deviceName, String tokenHash, Instant createdAt) {
        this.deviceId = deviceId;
        this.deviceName = deviceName;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public UUID deviceId() {
        return deviceId;
    }

    public String deviceName() {
        return deviceName;
    }

    public @Nullable Instant lastUsedAt() {
        return lastUsedAt;
    }

    public boolean usable() {
        return revokedAt == null;
    }

    /** Idempotent: revoking twice keeps the first time. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
