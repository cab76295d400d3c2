package io.rigplane.session.device;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A registered thin client: its name, its profile bindings and whether it was revoked. */
@Entity
@Table(name = "device")
class DeviceRegistration {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "device_profile", joinColumns = @JoinColumn(name = "device_id"))
    @Column(name = "profile", nullable = false)
    private Set<String> profiles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    protected DeviceRegistration() {
    }

    DeviceRegistration(String name, Collection<String> profiles, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.profiles.addAll(profiles);
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable Instant revokedAt() {
        return revokedAt;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void bindTo(Collection<String> newProfiles) {
        profiles.clear();
        profiles.addAll(newProfiles);
    }

    /** Idempotent: revoking twice keeps the first time. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    Device toDevice() {
        return new Device(id, name, profiles);
    }

    DeviceView toView(@Nullable Instant lastSeenAt) {
        return new DeviceView(id, name, toDevice().profiles().stream().toList(), createdAt, lastSeenAt, revokedAt);
    }
}
