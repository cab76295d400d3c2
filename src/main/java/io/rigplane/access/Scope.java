package io.rigplane.access;

import java.util.Arrays;
import java.util.Optional;

/** What a script token may do; {@code admin} includes every other scope. */
public enum Scope {
    PROFILES_READ("profiles:read"),
    PROFILES_WRITE("profiles:write"),
    POWER("power"),
    SNAPSHOTS("snapshots"),
    SESSIONS("sessions"),
    ADMIN("admin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The authority a request with this scope carries, as checked by the security rules. */
    public String authority() {
        return "SCOPE_" + value;
    }

    public static Optional<Scope> parse(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
