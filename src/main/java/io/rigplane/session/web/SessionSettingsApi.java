package io.rigplane.session.web;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.CurrentActor;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.session.internal.SessionSettings;
import io.rigplane.session.internal.SessionSettingsStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How sessions behave on a profile: idle timeout, grace period, maximum length, sharing, a busy GPU. */
@RestController
@RequestMapping("/api/v1/profiles/{name}/session-settings")
@Tag(name = "Sessions")
class SessionSettingsApi {

    private final SessionSettingsStore store;
    private final ProfileCatalog catalog;
    private final AuditTrail audit;
    private final CurrentActor actor;

    SessionSettingsApi(SessionSettingsStore store, ProfileCatalog catalog, AuditTrail audit, CurrentActor actor) {
        this.store = store;
        this.catalog = catalog;
        this.audit = audit;
        this.actor = actor;
    }

    @GetMapping
    @Operation(summary = "The profile's session settings (the defaults until they are set)")
    SessionSettings get(@PathVariable String name) {
        catalog.get(name);
        return store.get(name);
    }

    @PutMapping
    @Operation(summary = "Replace the profile's session settings; missing fields take the defaults")
    SessionSettings put(@PathVariable String name, @RequestBody SessionSettings settings) {
        catalog.get(name);
        SessionSettings complete = settings.completed();
        store.put(name, complete);
        audit.record(actor.get(), "session.settings", name, AuditOutcome.SUCCESS, complete.toString());
        return complete;
    }
}
