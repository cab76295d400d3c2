package io.rigplane.provisioning;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileView;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.proxmox.Upid;
import io.rigplane.proxmox.VmConfig;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Adopts an existing VM, as {@code terraform import} would, but without drift: the profile is
 * read from the VM, and the VM is only tagged and named. A VM that the platform would change is
 * refused with every difference, so that its first plan is always empty.
 */
@Service
public class Adoption {

    private static final Set<String> WRITTEN_BY_ADOPTION = Set.of("tags", "name");

    private final ProxmoxClusters clusters;
    private final ProfileCatalog catalog;
    private final Validator validator;

    Adoption(ProxmoxClusters clusters, ProfileCatalog catalog, Validator validator) {
        this.clusters = clusters;
        this.catalog = catalog;
        this.validator = validator;
    }

    public ProfileView adopt(AdoptRequest request) {
        List<FieldError> invalid = validator.validate(request).stream()
                .map(violation -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(invalid);
        }
        catalog.managing(request.vmid()).ifPresent(owner -> {
            throw new VmAlreadyManagedException(request.vmid(), owner);
        });
        ProxmoxClient client = clusters.clientOrDefault(request.cluster());
        VmConfig config = client.config(request.node(), request.vmid());
        List<FieldError> problems = new ArrayList<>();
        ProfileSpec spec = ProfileFromVm.read(request.name(), request.cluster(), request.node(), request.vmid(),
                config.values(), problems);
        if (problems.isEmpty()) {
            catalog.check(spec).forEach(error -> problems.add(error.field().equals("name")
                    ? error : new FieldError(error.field(), "the VM's " + error.field() + " " + error.message())));
        }
        if (problems.isEmpty()) {
            problems.addAll(differences(spec, client, request, config));
        }
        if (!problems.isEmpty()) {
            throw new AdoptionRefusedException(request.vmid(), problems);
        }
        catalog.create(spec);
        catalog.bindVm(spec.name(), request.vmid());
        ProfileView profile = catalog.get(spec.name());
        try {
            mark(client, request, profile, config);
        } catch (RuntimeException e) {
            catalog.delete(spec.name(), null, true);
            throw e;
        }
        return catalog.get(spec.name());
    }

    private List<FieldError> differences(ProfileSpec spec, ProxmoxClient client, AdoptRequest request,
            VmConfig config) {
        Set<String> pending = new HashSet<>();
        client.pending(request.node(), request.vmid()).stream().filter(change -> change.isPending())
                .forEach(change -> pending.add(change.key()));
        boolean running = client.status(request.node(), request.vmid()).running();
        Observed observed = new Observed(config.values(), pending, running);
        return Planner.diff(catalog.render(spec), List.of(), observed).stream()
                .filter(change -> !WRITTEN_BY_ADOPTION.contains(change.key()))
                .map(change -> new FieldError(change.key(), change.reason() != null ? change.reason()
                        : "the VM has " + (change.current() == null ? "nothing" : change.current())
                                + ", the platform makes " + change.desired()))
                .toList();
    }

    /** Tags and names the VM: both apply live and touch no disk. */
    private static void mark(ProxmoxClient client, AdoptRequest request, ProfileView profile, VmConfig config) {
        String tags = Planner.mergeTags(config.values().getOrDefault("tags", ""),
                ProvisioningPlans.identityTags(profile));
        Upid upid = client.updateConfig(request.node(), request.vmid(),
                Map.of("tags", tags, "name", profile.spec().name()), List.of(), config.digest());
        client.await(upid, Duration.ofMinutes(2));
    }
}
