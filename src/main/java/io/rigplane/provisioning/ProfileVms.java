package io.rigplane.provisioning;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.plan.Observed;
import io.rigplane.provisioning.plan.ObservedVm;
import io.rigplane.provisioning.plan.VmLocation;
import io.rigplane.proxmox.ClusterVm;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.proxmox.ProxmoxNotFoundException;
import io.rigplane.proxmox.ProxmoxUnavailableException;
import io.rigplane.proxmox.VmConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Finds a profile's VM on Proxmox, the one place that does: for other modules as a {@link VmHandle}
 * with its cluster's client, for provisioning itself also with what the VM has.
 */
@Service
public class ProfileVms {

    /** Compiled once: every plan splits its VM's tags. */
    private static final Pattern TAG_SEPARATOR = Pattern.compile("[;, ]");

    private final ProxmoxClusters clusters;
    private final ProfileCatalog catalog;
    private final VmReads reads;

    ProfileVms(ProxmoxClusters clusters, ProfileCatalog catalog, VmReads reads) {
        this.clusters = clusters;
        this.catalog = catalog;
        this.reads = reads;
    }

    /** The profile's VM, or empty while it has none (apply creates it). */
    public Optional<VmHandle> find(String profile) {
        ProfileView view = catalog.get(profile);
        ProxmoxClient client = client(view);
        return locate(view).map(vm -> new VmHandle(view.spec().name(), client.clusterId(), vm.node(), vm.vmid(),
                client));
    }

    /** The profile's VM; {@link VmMissingException} (409) while it has none. */
    public VmHandle require(String profile) {
        return find(profile).orElseThrow(() -> new VmMissingException(profile));
    }

    public ProxmoxClient client(ProfileView profile) {
        return clusters.clientOrDefault(profile.spec().cluster());
    }

    public String clusterId(ProfileView profile) {
        return client(profile).clusterId();
    }

    /**
     * The profile's VM: the one that carries its identity tag, wherever it moved. Rigplane never
     * touches a VM without that tag; a bound VM that lost it is reported, not taken over.
     */
    public Optional<VmLocation> locate(ProfileView profile) {
        Optional<VmLocation> where = whereBound(profile);
        return where.isPresent() ? where : search(profile);
    }

    /**
     * Where the profile's VM is and what it has. The bound VM's pending changes and status are read
     * at its node while its config confirms it is still there, and dropped if it is not.
     */
    public Optional<ObservedVm> locateAndObserve(ProfileView profile) {
        Integer bound = profile.boundVmid();
        String node = profile.spec().node();
        if (bound != null && node != null) {
            VmReads.Reading early = reads.start(client(profile), node, bound);
            Optional<VmLocation> where = whereBound(profile);
            if (where.isPresent() && where.get().config() != null) {
                return Optional.of(new ObservedVm(where.get(), early.with(where.get().config())));
            }
            early.discard();
        }
        return search(profile).map(vm -> new ObservedVm(vm, observe(profile, vm)));
    }

    /** The profile's VM by its identity tag, on any node of the cluster. */
    private Optional<VmLocation> search(ProfileView profile) {
        List<ClusterVm> vms = client(profile).vms();
        Optional<ClusterVm> tagged = vms.stream().filter(vm -> vm.tags().contains(profile.identityTag())).findFirst();
        if (tagged.isPresent()) {
            ClusterVm vm = tagged.get();
            if (!Integer.valueOf(vm.vmid()).equals(profile.boundVmid())) {
                catalog.bindVm(profile.spec().name(), vm.vmid());
            }
            return Optional.of(new VmLocation(vm.node(), vm.vmid()));
        }
        Integer bound = profile.boundVmid();
        if (bound != null && vms.stream().anyMatch(vm -> vm.vmid() == bound)) {
            throw new VmIdentityLostException(profile.spec().name(), bound, profile.identityTag());
        }
        return Optional.empty();
    }

    /**
     * The common case, in one read: the bound VM still on the profile's node with its tag. Reading
     * its config answers both where it is and what it has; only a VM that moved or vanished costs
     * a look at the whole cluster.
     */
    private Optional<VmLocation> whereBound(ProfileView profile) {
        Integer bound = profile.boundVmid();
        if (bound == null || profile.spec().node() == null) {
            return Optional.empty();
        }
        try {
            VmConfig config = client(profile).config(profile.spec().node(), bound);
            boolean ours = Arrays.asList(TAG_SEPARATOR.split(config.values().getOrDefault("tags", "")))
                    .contains(profile.identityTag());
            return ours ? Optional.of(new VmLocation(profile.spec().node(), bound, config)) : Optional.empty();
        } catch (ProxmoxNotFoundException | ProxmoxUnavailableException elsewhereOrAsleep) {
            // moved, gone, or its node is offline: the cluster's list still knows where it is
            return Optional.empty();
        }
    }

    /**
     * Where apply creates the profile's VM: its node, else its first candidate node, else the first node
     * its GPU mapping reaches, else the first online node. A placed VM is moved at start where a GPU is free.
     */
    public String homeNode(ProfileView profile) {
        String home = profile.spec().homeNode();
        if (home != null) {
            return home;
        }
        ProxmoxClient client = client(profile);
        String gpu = profile.spec().gpu();
        if (gpu != null) {
            Optional<String> mapped = client.pciMappings().stream().filter(m -> m.id().equals(gpu))
                    .flatMap(m -> m.nodes().stream()).findFirst();
            if (mapped.isPresent()) {
                return mapped.get();
            }
        }
        return client.nodes().stream().filter(io.rigplane.proxmox.NodeSummary::online)
                .map(io.rigplane.proxmox.NodeSummary::node).sorted().findFirst()
                .orElseThrow(() -> new ProxmoxUnavailableException(503, "no node of the cluster is online"));
    }

    /** Like {@link #locate}, but only by the identity tag: for a create that may have happened. */
    public Optional<VmLocation> findTagged(ProfileView profile) {
        return client(profile).vms().stream().filter(vm -> vm.tags().contains(profile.identityTag())).findFirst()
                .map(vm -> new VmLocation(vm.node(), vm.vmid()));
    }

    public Observed observe(ProfileView profile, VmLocation vm) {
        ProxmoxClient client = client(profile);
        VmReads.Reading reading = reads.start(client, vm.node(), vm.vmid());
        try {
            return reading.with(vm.config() != null ? vm.config() : client.config(vm.node(), vm.vmid()));
        } catch (RuntimeException e) {
            reading.discard();
            throw e;
        }
    }
}
