package io.rigplane.access.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who logs in to the dashboard and may own API tokens. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt = Instant.now();

    /** The OpenID Connect provider that vouches for this user; null for a local user. */
    @Column(name = "sso_issuer")
    private String ssoIssuer;

    /** The user's stable id at that provider ({@code sub}). */
    @Column(name = "sso_subject")
    private String ssoSubject;

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, Role role) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
    }

    /**
     * A user known through single sign-on: linked by issuer and subject, with a password hash
     * nobody knows (the column is required) that the form login refuses anyway.
     */
    public static UserAccount linkedTo(String issuer, String subject, String username, String unusableHash,
            Role role) {
        UserAccount user = new UserAccount(username, unusableHash, role);
        user.ssoIssuer = issuer;
        user.ssoSubject = subject;
        return user;
    }

    /** Whether the user signs in only through the identity provider. */
    public boolean isSingleSignOn() {
        return ssoIssuer != null;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public void changeRole(Role newRole) {
        this.role = newRole;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangedAt = Instant.now();
    }
}
