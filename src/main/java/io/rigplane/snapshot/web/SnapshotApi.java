package io.rigplane.snapshot.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.operation.OperationView;
import io.rigplane.snapshot.catalog.DryRun;
import io.rigplane.snapshot.catalog.RollbackRequest;
import io.rigplane.snapshot.catalog.SnapshotCatalog;
import io.rigplane.snapshot.catalog.SnapshotEntry;
import io.rigplane.snapshot.policy.PolicyList;
import io.rigplane.snapshot.policy.PolicyView;
import io.rigplane.snapshot.policy.SnapshotPolicies;
import io.rigplane.snapshot.run.SnapshotRuns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/profiles/{name}")
@Tag(name = "Snapshots", description = "Snapshot policies, manual snapshots, deletion and rollback of a profile's VM")
class SnapshotApi {

    private final SnapshotPolicies policies;
    private final SnapshotCatalog catalog;
    private final SnapshotRuns runs;
    private final CurrentActor actor;

    SnapshotApi(SnapshotPolicies policies, SnapshotCatalog catalog, SnapshotRuns runs, CurrentActor actor) {
        this.policies = policies;
        this.catalog = catalog;
        this.runs = runs;
        this.actor = actor;
    }

    @GetMapping("/snapshot-policy")
    @Operation(summary = "The profile's snapshot policies, each with its next run")
    PolicyView policy(@PathVariable String name) {
        return policies.get(name);
    }

    @PutMapping("/snapshot-policy")
    @Operation(summary = "Replace the profile's snapshot policies",
            description = "A list of policies, each with its own label. An empty list removes them all. RAM state is"
                    + " refused for GPU passthrough profiles.")
    PolicyView replacePolicy(@PathVariable String name, @RequestBody PolicyList body) {
        return policies.replace(name, body, actor.get());
    }

    @GetMapping("/snapshot-policy/dry-run")
    @Operation(summary = "What each policy's next run would take and prune, changing nothing")
    DryRun dryRun(@PathVariable String name) {
        return catalog.dryRun(name);
    }

    @GetMapping("/snapshots")
    @Operation(summary = "The VM's snapshots, oldest first, marked when Rigplane took them")
    List<SnapshotEntry> snapshots(@PathVariable String name) {
        return catalog.list(name);
    }

    @PostMapping("/snapshots")
    @Operation(summary = "Take a snapshot now: 202 with the operation",
            description = "Optional body {\"name\": \"before-update\"}; default manual-{yyyyMMddHHmmss}. Manual"
                    + " snapshots are never pruned.")
    ResponseEntity<OperationView> takeNow(@PathVariable String name, @RequestBody(required = false) @Nullable ManualSnapshot body) {
        return accepted(runs.takeNow(name, body == null ? null : body.name(), actor.get()));
    }

    @DeleteMapping("/snapshots/{snapshot}")
    @Operation(summary = "Delete a snapshot (admin): 202 with the operation",
            description = "A snapshot Rigplane did not take is refused (409) unless confirm repeats its name.")
    ResponseEntity<OperationView> delete(@PathVariable String name, @PathVariable String snapshot,
            @Parameter(description = "the snapshot's name, to delete one Rigplane did not take")
            @RequestParam(required = false) @Nullable String confirm) {
        return accepted(catalog.delete(name, snapshot, confirm, actor.get()));
    }

    @PostMapping("/snapshots/{snapshot}/rollback")
    @Operation(summary = "Roll the VM back to a snapshot: 202 with the operation",
            description = "Body {\"confirm\": \"<snapshot>\", \"stopFirst\": true}. A running VM is refused unless"
                    + " stopFirst is true.")
    ResponseEntity<OperationView> rollback(@PathVariable String name, @PathVariable String snapshot,
            @RequestBody RollbackRequest body) {
        return accepted(catalog.rollback(name, snapshot, body, actor.get()));
    }

    static ResponseEntity<OperationView> accepted(OperationView operation) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/operations/" + operation.id())).body(operation);
    }

    /** The optional body of a manual snapshot. */
    record ManualSnapshot(@Nullable String name) {
    }
}
