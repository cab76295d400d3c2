package io.rigplane.access.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** What a script token may do; {@code admin} includes every other scope. */
public enum Scope {
    @JsonProperty("profiles:read") PROFILES_READ("profiles:read"),
    @JsonProperty("profiles:write") PROFILES_WRITE("profiles:write"),
    @JsonProperty("power") POWER("power"),
    @JsonProperty("snapshots") SNAPSHOTS("snapshots"),
    @JsonProperty("sessions") SESSIONS("sessions"),
    @JsonProperty("admin") ADMIN("admin");

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

    /** The name in JSON and on the dashboard, so error messages list what a client may send. */
    @Override
    public String toString() {
        return value;
    }

    public static Optional<Scope> parse(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
