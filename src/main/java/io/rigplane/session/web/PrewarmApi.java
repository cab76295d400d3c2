package io.rigplane.session.web;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.CurrentActor;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.session.prewarm.PrewarmReport;
import io.rigplane.session.prewarm.PrewarmSettings;
import io.rigplane.session.prewarm.Prewarming;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A profile's pre-warming: the learned pattern, the next planned warm-up, what warm-ups did, the settings. */
@RestController
@RequestMapping("/api/v1/profiles/{name}/prewarm")
@Tag(name = "Sessions")
class PrewarmApi {

    private final Prewarming prewarming;
    private final ProfileCatalog catalog;
    private final AuditTrail audit;
    private final CurrentActor actor;

    PrewarmApi(Prewarming prewarming, ProfileCatalog catalog, AuditTrail audit, CurrentActor actor) {
        this.prewarming = prewarming;
        this.catalog = catalog;
        this.audit = audit;
        this.actor = actor;
    }

    @GetMapping
    @Operation(summary = "When the profile is usually wanted, the next warm-up, and the figures of past warm-ups")
    PrewarmReport get(@PathVariable String name) {
        catalog.get(name);
        return prewarming.report(name);
    }

    @PutMapping
    @Operation(summary = "Set the profile's pre-warming: mode off, suggest or on; lead and grace; a manual schedule")
    PrewarmReport put(@PathVariable String name, @RequestBody PrewarmSettings settings) {
        catalog.get(name);
        PrewarmSettings complete = prewarming.put(name, settings);
        audit.record(actor.get(), "session.prewarm", name, AuditOutcome.SUCCESS, complete.toString());
        return prewarming.report(name);
    }
}
