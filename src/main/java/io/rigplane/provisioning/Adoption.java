package io.rigplane.provisioning;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.adopt.ProfileFromVm;
import io.rigplane.provisioning.plan.Observed;
import io.rigplane.provisioning.plan.Planner;
import io.rigplane.provisioning.plan.PlatformDistances;
import io.rigplane.provisioning.plan.ProvisioningPlans;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.proxmox.ProxmoxNotFoundException;
import io.rigplane.proxmox.Upid;
import io.rigplane.proxmox.VmConfig;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Adopts an existing VM, as {@code terraform import} would, but without drift: the VM is recorded
 * as it is, on the {@code as-is} platform, and only tagged and named. Its first plan is empty
 * whatever it looks like; moving it onto a platform is a later, ordinary profile change. Refused
 * only what cannot be managed safely: a VM another profile manages, a missing VM, a template.
 */
@Service
public class Adoption {

    private final ProxmoxClusters clusters;
    private final ProfileCatalog catalog;
    private final Validator validator;
    private final PlatformDistances distances;

    Adoption(ProxmoxClusters clusters, ProfileCatalog catalog, Validator validator, PlatformDistances distances) {
        this.clusters = clusters;
        this.catalog = catalog;
        this.validator = validator;
        this.distances = distances;
    }

    /**
     * What profile a Proxmox config becomes: on the {@code as-is} platform, carrying every key that
     * matters, so that its next plan is empty. Nothing is stored.
     *
     * @throws InvalidRequestException (400) with every key that cannot be recorded
     */
    public ProfileSpec profileFor(ConfigImport request) {
        List<FieldError> problems = new ArrayList<>();
        ProfileSpec spec = ProfileFromVm.read(request.name(), request.cluster(), request.node(), request.vmid(),
                request.config(), problems);
        if (problems.isEmpty()) {
            problems.addAll(catalog.check(spec));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return spec;
    }

    /**
     * Creates the profile {@link #profileFor} describes. When {@code vmid} names an existing VM,
     * binds it as adopt does: the VM is only tagged and named, and refused like adopt when another
     * profile manages it or it is a template.
     */
    public ProfileView importConfig(ConfigImport request) {
        ProfileSpec spec = profileFor(request);
        if (request.vmid() == null) {
            return catalog.create(spec);
        }
        ProxmoxClient client = clusters.clientOrDefault(request.cluster());
        Optional<VmConfig> existing = existingConfig(client, request.node(), request.vmid());
        if (existing.isEmpty()) {
            return catalog.create(spec);
        }
        refuseUnmanageable(request.vmid(), existing.get());
        return bind(spec, client, request.node(), request.vmid(), existing.get());
    }

    /** Adopts a VM as it is and says how far it is from each platform it could move to. */
    public Adopted adopt(AdoptRequest request) {
        List<FieldError> invalid = validator.validate(request).stream()
                .map(violation -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(invalid);
        }
        ProxmoxClient client = clusters.clientOrDefault(request.cluster());
        catalog.managing(request.vmid()).ifPresent(owner -> {
            throw new VmAlreadyManagedException(request.vmid(), owner);
        });
        VmConfig config = client.config(request.node(), request.vmid());
        refuseUnmanageable(request.vmid(), config);
        ProfileSpec spec;
        try {
            spec = profileFor(new ConfigImport(request.name(), request.cluster(), request.node(), request.vmid(),
                    config.values()));
        } catch (InvalidRequestException e) {
            List<FieldError> aboutTheVm = e.errors().stream().filter(error -> !error.field().equals("name")).toList();
            if (aboutTheVm.isEmpty()) {
                throw e;
            }
            throw new AdoptionRefusedException(request.vmid(), "Rigplane cannot record " + aboutTheVm.size()
                    + " of its keys", e.errors());
        }
        ProfileView adopted = bind(spec, client, request.node(), request.vmid(), config);
        Observed observed = distances.observe(client, request.node(), request.vmid());
        return new Adopted(adopted, distances.of(adopted, observed));
    }

    private ProfileView bind(ProfileSpec spec, ProxmoxClient client, String node, int vmid, VmConfig config) {
        catalog.managing(vmid).ifPresent(owner -> {
            throw new VmAlreadyManagedException(vmid, owner);
        });
        catalog.create(spec);
        catalog.bindVm(spec.name(), vmid);
        ProfileView profile = catalog.get(spec.name());
        try {
            mark(client, node, vmid, profile, config);
        } catch (RuntimeException e) {
            catalog.delete(spec.name(), null, true);
            throw e;
        }
        return catalog.get(spec.name());
    }

    /** Templates cannot run: Rigplane would start, snapshot and stream a VM that never boots. */
    private static void refuseUnmanageable(int vmid, VmConfig config) {
        String template = config.values().get("template");
        if (template != null && (template.equals("1") || template.equalsIgnoreCase("true"))) {
            throw new AdoptionRefusedException(vmid, "it is a template, which cannot run; clone it into a VM "
                    + "and adopt the clone", List.of(new FieldError("template",
                            "the VM is a template (template: 1)")));
        }
    }

    private static Optional<VmConfig> existingConfig(ProxmoxClient client, String node, int vmid) {
        try {
            return Optional.of(client.config(node, vmid));
        } catch (ProxmoxNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Tags and names the VM: both apply live and touch no disk. */
    private static void mark(ProxmoxClient client, String node, int vmid, ProfileView profile, VmConfig config) {
        String tags = Planner.mergeTags(config.values().getOrDefault("tags", ""),
                ProvisioningPlans.identityTags(profile));
        Upid upid = client.updateConfig(node, vmid, Map.of("tags", tags, "name", profile.spec().name()), List.of(),
                config.digest());
        client.await(upid, Duration.ofMinutes(2));
    }
}
