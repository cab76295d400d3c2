package io.rigplane.terraform;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileNotFoundException;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.Adoption;
import io.rigplane.provisioning.ConfigImport;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.proxmox.ProxmoxNotFoundException;
import io.rigplane.proxmox.VmConfig;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.terraform.internal.BpgToProxmox;
import io.rigplane.terraform.internal.ExistingVm;
import io.rigplane.terraform.internal.MappedVm;
import io.rigplane.terraform.internal.ProxmoxValue;
import io.rigplane.terraform.internal.ShowJsonReader;
import io.rigplane.terraform.internal.TerraformResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports the {@code proxmox_virtual_environment_vm} resources of a {@code terraform show -json}
 * document as profiles, all or nothing: every resource is checked first, and one with a problem
 * stops the import. A resource whose VMID names an existing VM binds it as adopt does, with the
 * document fitted to the VM so that the first plan changes only what the two disagree on.
 */
@Service
public class TerraformImport {

    private static final Logger log = LoggerFactory.getLogger(TerraformImport.class);

    private final Adoption adoption;
    private final ProfileCatalog catalog;
    private final ProxmoxClusters clusters;

    TerraformImport(Adoption adoption, ProfileCatalog catalog, ProxmoxClusters clusters) {
        this.adoption = adoption;
        this.catalog = catalog;
        this.clusters = clusters;
    }

    /** A checked resource, ready to be stored. */
    private record Checked(ImportedResource result, @Nullable ConfigImport request) {
    }

    public TerraformImportReport importDocument(@Nullable Object document, @Nullable String cluster, boolean dryRun) {
        List<TerraformResource> resources = ShowJsonReader.read(document);
        ProxmoxClient client = clusters.clientOrDefault(cluster);
        List<Checked> checked = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<Integer, String> vmids = new HashMap<>();
        Map<Integer, String> nodesOfVms = new HashMap<>();
        client.vms().forEach(vm -> nodesOfVms.put(vm.vmid(), vm.node()));
        for (TerraformResource resource : resources) {
            checked.add(check(resource, cluster, client, names, vmids, nodesOfVms));
        }
        List<ImportedResource> results = checked.stream().map(Checked::result).toList();
        if (results.stream().anyMatch(result -> !result.problems().isEmpty())) {
            throw new TerraformImportRefusedException(results);
        }
        if (dryRun) {
            return new TerraformImportReport(true, results);
        }
        return new TerraformImportReport(false, store(checked));
    }

    private Checked check(TerraformResource resource, @Nullable String cluster, ProxmoxClient client,
            Map<String, String> names, Map<Integer, String> vmids, Map<Integer, String> nodesOfVms) {
        MappedVm mapped = BpgToProxmox.read(resource);
        List<FieldError> problems = new ArrayList<>(mapped.problems());
        List<FieldError> ignored = new ArrayList<>(mapped.ignoredAttributes());
        if (!mapped.config().keySet().stream().filter(key -> key.matches("^(ide|sata|scsi)\\d+$"))
                .filter(key -> mapped.config().get(key).contains("media=cdrom")).toList().isEmpty()) {
            ignored.add(new FieldError("cdrom", "Rigplane leaves CD drives alone: an existing VM keeps its own, a new"
                    + " one gets none"));
        }
        if (mapped.config().containsKey("smbios1")) {
            ignored.add(new FieldError("smbios", "Proxmox writes the SMBIOS settings; Rigplane leaves them alone"));
        }
        String name = mapped.name();
        String node = mapped.node();
        Integer vmid = mapped.vmid();
        if (name != null && names.putIfAbsent(name, resource.address()) != null) {
            problems.add(new FieldError("name", "'" + name + "' is also the name of " + names.get(name)));
        }
        if (vmid != null && vmids.putIfAbsent(vmid, resource.address()) != null) {
            problems.add(new FieldError("vm_id", vmid + " is also the VMID of " + vmids.get(vmid)));
        }
        if (name != null && profileExists(name)) {
            problems.add(new FieldError("name", "a profile named '" + name + "' exists"));
        }
        Optional<VmConfig> existing = Optional.empty();
        Set<String> differences = new TreeSet<>();
        Map<String, String> config = mapped.config();
        if (vmid != null && node != null) {
            catalog.managing(vmid).ifPresent(owner -> problems.add(new FieldError("vm_id",
                    "VM " + vmid + " is managed by profile '" + owner + "'")));
            String actualNode = nodesOfVms.get(vmid);
            if (actualNode != null && !actualNode.equals(node)) {
                problems.add(new FieldError("node_name", "VM " + vmid + " is on node " + actualNode + ", not " + node));
            } else {
                existing = existingVm(client, node, vmid);
            }
            if (existing.isPresent()) {
                config = ExistingVm.fit(config, existing.get().values(), differences);
                if (Boolean.TRUE.equals(ProxmoxValue.flag(existing.get().values().get("template")))) {
                    problems.add(new FieldError("vm_id", "VM " + vmid + " is a template, which cannot run"));
                }
            }
        }
        if (existing.isEmpty()) {
            problems.addAll(mapped.creationOnlyAttributes());
        } else {
            mapped.creationOnlyAttributes().forEach(attribute -> ignored.add(new FieldError(attribute.field(),
                    "the VM exists: the image mattered only when it was created")));
        }
        ProfileSpec spec = null;
        ConfigImport request = null;
        if (problems.isEmpty() && name != null && node != null) {
            request = new ConfigImport(name, cluster, node, vmid, withoutName(config));
            try {
                spec = adoption.profileFor(request);
            } catch (InvalidRequestException e) {
                e.errors().forEach(error -> problems.add(new FieldError(error.field(), error.message())));
            }
        }
        boolean bound = existing.isPresent();
        ImportedResource result = new ImportedResource(resource.address(), name, node, vmid, problems.isEmpty(),
                bound && problems.isEmpty(), mapped.unknownAttributes(), List.copyOf(ignored),
                List.copyOf(differences), List.copyOf(problems), spec);
        return new Checked(result, problems.isEmpty() ? request : null);
    }

    /** Stores every checked resource; one that fails after all undoes the ones stored before it. */
    private List<ImportedResource> store(List<Checked> checked) {
        List<ImportedResource> stored = new ArrayList<>();
        List<String> created = new ArrayList<>();
        try {
            for (Checked resource : checked) {
                ConfigImport request = java.util.Objects.requireNonNull(resource.request());
                ProfileView view = adoption.importConfig(request);
                created.add(view.spec().name());
                ImportedResource result = resource.result();
                stored.add(new ImportedResource(result.address(), result.name(), result.node(), result.vmid(), true,
                        view.boundVmid() != null, result.unknownAttributes(), result.ignoredAttributes(),
                        result.differsFromVm(), result.problems(), view.spec()));
            }
        } catch (RuntimeException e) {
            for (String name : created) {
                try {
                    catalog.delete(name, null, true);
                } catch (RuntimeException undo) {
                    log.warn("Could not undo the import of profile {}: {}", name, undo.getMessage());
                }
            }
            throw e;
        }
        return stored;
    }

    private boolean profileExists(String name) {
        try {
            catalog.get(name);
            return true;
        } catch (ProfileNotFoundException e) {
            return false;
        }
    }

    private static Optional<VmConfig> existingVm(ProxmoxClient client, String node, int vmid) {
        try {
            return Optional.of(client.config(node, vmid));
        } catch (ProxmoxNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The profile names the VM; the name in the config is Rigplane's to write. */
    private static Map<String, String> withoutName(Map<String, String> config) {
        Map<String, String> rest = new HashMap<>(config);
        rest.remove("name");
        return rest;
    }
}
