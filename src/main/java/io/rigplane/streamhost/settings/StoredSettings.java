package io.rigplane.streamhost.settings;

import io.rigplane.streamhost.readiness.StreamHostPorts;
import org.jspecify.annotations.Nullable;

/** A profile's stream-host settings as stored; the password only sealed. */
record StoredSettings(String kind, String app, int httpPort, @Nullable String username,
        @Nullable String sealedPassword) {

    static final String APOLLO = "apollo";
    static final String SUNSHINE = "sunshine";
    static final StoredSettings DEFAULTS = new StoredSettings(APOLLO, "Desktop", StreamHostPorts.DEFAULT_HTTP, null, null);

    boolean sunshine() {
        return kind.equals(SUNSHINE);
    }
}
