package io.rigplane.session.signin;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Clears sign-in requests that are over. Every replica runs it; each step is one idempotent
 * statement (revoking twice is fine), so no leader is needed.
 */
@Component
class StaleSignIns {

    private final DeviceAuthorizations authorizations;

    StaleSignIns(DeviceAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void clear() {
        authorizations.removeStale();
    }
}
