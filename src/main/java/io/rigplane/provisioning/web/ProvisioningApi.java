package io.rigplane.provisioning.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.operation.OperationRequest;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.AdoptRequest;
import io.rigplane.provisioning.Adopted;
import io.rigplane.provisioning.Adoption;
import io.rigplane.provisioning.PlatformDistance;
import io.rigplane.provisioning.plan.ApplyHandler;
import io.rigplane.provisioning.plan.Plan;
import io.rigplane.provisioning.plan.PlatformFits;
import io.rigplane.provisioning.plan.ProvisioningPlans;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/profiles")
@Tag(name = "Provisioning", description = "Plan and apply profiles on Proxmox, like terraform plan and apply")
class ProvisioningApi {

    private final ProvisioningPlans plans;
    private final Operations operations;
    private final ProfileCatalog catalog;
    private final CurrentActor actor;
    private final Adoption adoption;
    private final PlatformFits fits;

    ProvisioningApi(ProvisioningPlans plans, Operations operations, ProfileCatalog catalog, CurrentActor actor,
            Adoption adoption, PlatformFits fits) {
        this.fits = fits;
        this.adoption = adoption;
        this.plans = plans;
        this.operations = operations;
        this.catalog = catalog;
        this.actor = actor;
    }

    @PostMapping("/adopt")
    @Operation(summary = "Adopt an existing VM as a new profile (terraform import, without drift)",
            description = "Records the VM as it is, on the as-is platform, then only tags and names it: the next "
                    + "plan is empty. The answer says, per platform, how many keys moving onto it would change and "
                    + "their effects. Refused (422 adoption-refused) only for a template or a key Rigplane cannot "
                    + "record; 409 when another profile manages the VM, 404 when there is no such VM.")
    ResponseEntity<AdoptedResource> adopt(@RequestBody AdoptRequest request) {
        Adopted adopted = adoption.adopt(request);
        ProfileView profile = adopted.profile();
        return ResponseEntity.created(URI.create("/api/v1/profiles/" + profile.spec().name()))
                .eTag(profile.etag()).body(AdoptedResource.of(adopted));
    }

    @GetMapping("/{name}/platforms")
    @Operation(summary = "How far the profile's VM is from each platform it could move to",
            description = "Per platform: the changes moving onto it would plan, with their effects, and the profile "
                    + "to PUT to move; or why the profile cannot move there. Compared with the VM when it exists, "
                    + "else with the profile's own config.")
    List<PlatformDistance> platforms(@PathVariable String name) {
        return fits.distances(name);
    }

    @GetMapping("/{name}/plan")
    @Operation(summary = "What applying the profile would change, key by key, with the effect of each change")
    Plan plan(@PathVariable String name) {
        return plans.plan(name);
    }

    @PostMapping("/{name}/apply")
    @Operation(summary = "Apply the profile: 202 with the operation that does it",
            description = "Creates the VM when missing, applies what the plan allows and never a refused change. "
                    + "Changes that need a restart stay pending unless reboot=true.")
    ResponseEntity<OperationView> apply(@PathVariable String name,
            @Parameter(description = "reboot through the API to apply pending changes at once")
            @RequestParam(defaultValue = "false") boolean reboot,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        catalog.get(name);
        OperationView operation = operations.submit(new OperationRequest(ApplyHandler.KIND, name,
                Map.of(ApplyHandler.REBOOT, Boolean.toString(reboot)), actor.get(), idempotencyKey));
        return ResponseEntity.accepted().location(URI.create("/api/v1/operations/" + operation.id())).body(operation);
    }
}
