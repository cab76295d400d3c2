package io.rigplane.access.user;

import io.rigplane.access.token.Scope;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a dashboard user may do, and so the most any of the user's tokens may do. */
public enum Role {
    /** Everything, including profiles, users and secrets. */
    @JsonProperty("admin") ADMIN(EnumSet.allOf(Scope.class)),
    /** Power, sessions and snapshots; no profile changes, users or secrets. */
    @JsonProperty("operator") OPERATOR(EnumSet.of(Scope.PROFILES_READ, Scope.POWER, Scope.SNAPSHOTS, Scope.SESSIONS)),
    /** Read only. */
    @JsonProperty("viewer") VIEWER(EnumSet.of(Scope.PROFILES_READ));

    private final Set<Scope> scopes;

    Role(Set<Scope> scopes) {
        this.scopes = scopes;
    }

    /** The scopes a token of a user with this role may carry; a token never gets more. */
    public Set<Scope> scopes() {
        return EnumSet.copyOf(scopes);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The name in JSON and on the dashboard. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
