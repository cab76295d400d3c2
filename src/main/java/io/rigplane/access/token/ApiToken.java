package io.rigplane.access.token;

import io.rigplane.access.user.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A script's bearer token. Only a hash of the secret is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "owner_id")
    private UserAccount owner;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    public ApiToken(String name, String tokenHash, UserAccount owner, Collection<Scope> scopes, Instant expiresAt) {
        this.name = name;
        this.tokenHash = tokenHash;
        this.owner = owner;
        this.scopes = scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
        this.expiresAt = expiresAt;
    }

    public Long id() {
        return id;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String name() {
        return name;
    }

    public UserAccount owner() {
        return owner;
    }

    public Set<Scope> scopes() {
        EnumSet<Scope> parsed = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(" ")).map(Scope::parse).flatMap(java.util.Optional::stream).forEach(parsed::add);
        return parsed;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    /** Idempotent: revoking twice keeps the first time. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void replaceSecret(String newHash) {
        this.tokenHash = newHash;
        this.revokedAt = null;
    }
}
