package io.rigplane.session.prewarm;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Reads and changes a profile's pre-warming, for the API and the dashboard. */
@Service
public class Prewarming {

    static final int RECENT = 20;

    private final PrewarmStore store;
    private final Prewarmer prewarmer;
    private final Clock clock;

    Prewarming(PrewarmStore store, Prewarmer prewarmer, Clock clock) {
        this.store = store;
        this.prewarmer = prewarmer;
        this.clock = clock;
    }

    public PrewarmReport report(String profile) {
        Instant now = clock.instant();
        PrewarmSettings settings = store.settings(profile).orElseGet(PrewarmSettings::off);
        return new PrewarmReport(profile, settings, prewarmer.outlook(profile, settings, now), store.figures(profile),
                store.recent(profile, RECENT));
    }

    public PrewarmSettings put(String profile, PrewarmSettings settings) {
        PrewarmSettings complete = settings.completed();
        store.put(profile, complete, clock.instant());
        return complete;
    }
}
