package io.rigplane.session.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The shutdown of a profile's VM after its last session, once the profile's grace period has
 * passed. A new session cancels it; someone queued for the GPU brings it forward.
 */
@Component
public class GraceShutdowns {

    private final SessionStore store;
    private final SessionSettingsStore settings;
    private final Clock clock;

    GraceShutdowns(SessionStore store, SessionSettingsStore settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Plans the shutdown unless a session still uses the VM. */
    void afterLastSession(String profile, String reason) {
        if (store.liveOn(profile).isEmpty()) {
            store.scheduleShutdown(profile, clock.instant().plus(settings.get(profile).grace()), reason);
        }
    }

    /** Plans the shutdown for a given time, for a VM started before anyone asked for it (pre-warm). */
    public void planAt(String profile, Instant due, String reason) {
        store.scheduleShutdown(profile, due, reason);
    }

    boolean cancel(String profile) {
        return store.cancelShutdown(profile);
    }

    /** True when the profile's VM is waiting for its grace period to end; it now ends at once. */
    boolean hurry(String profile) {
        return store.hurryShutdown(profile, clock.instant());
    }

    Instant now() {
        return clock.instant();
    }
}
