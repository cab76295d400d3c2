package io.rigplane.power.internal;

import io.rigplane.operation.Operations;
import io.rigplane.power.PowerControl;
import io.rigplane.power.node.NodeView;
import io.rigplane.power.node.NodeWakeSettings;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.NodeSummary;
import io.rigplane.proxmox.PciMapping;
import io.rigplane.proxmox.PendingChange;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.proxmox.VmStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Reads power state: of a profile's VM, and of every node of a cluster with its GPUs. */
@Component
public class PowerReadings {

    private final ProfileVms vms;
    private final PowerTargets targets;
    private final GpuClaims claims;
    private final Operations operations;
    private final PowerControl control;
    private final NodeWakeSettings wake;

    PowerReadings(ProfileVms vms, PowerTargets targets, GpuClaims claims, Operations operations,
            PowerControl control, NodeWakeSettings wake) {
        this.vms = vms;
        this.targets = targets;
        this.claims = claims;
        this.operations = operations;
        this.control = control;
        this.wake = wake;
    }

    public PowerStatus status(String profile) {
        String mapping = targets.profile(profile).spec().gpu();
        var operation = operations.activeFor(profile).orElse(null);
        Optional<VmHandle> found = vms.find(profile);
        if (found.isEmpty()) {
            return new PowerStatus(profile, null, null, null, "stopped", 0, List.of(), null, null, "unknown",
                    operation);
        }
        VmHandle vm = found.get();
        ProxmoxClient client = vm.client();
        String nodeState = nodeState(client, vm.node());
        String power = "unknown";
        long uptime = 0;
        @Nullable String lock = null;
        List<String> pending = List.of();
        try {
            VmStatus status = vm.status();
            power = "paused".equals(status.qmpstatus()) ? "paused" : status.running() ? "running"
                    : "stopped".equals(status.status()) ? "stopped" : "unknown";
            uptime = status.uptime();
            lock = status.lock();
            pending = client.pending(vm.node(), vm.vmid()).stream().filter(PendingChange::isPending)
                    .map(PendingChange::key).toList();
        } catch (ProxmoxException e) {
            // an offline node answers nothing about its VMs: unknown, not stopped
        }
        if (power.equals("stopped") && operation == null) {
            // stopped outside Rigplane: the GPU is free again
            targets.gpu(vm).ifPresent(gpu -> claims.release(gpu, profile));
        }
        PowerStatus.Gpu gpu = null;
        if (mapping != null) {
            String holder = claims.holder(new GpuKey(vm.cluster(), vm.node(), mapping))
                    .map(GpuClaims.Claim::profile).orElse(null);
            gpu = new PowerStatus.Gpu(mapping, vm.node(), profile.equals(holder), holder);
        }
        return new PowerStatus(profile, vm.cluster(), vm.node(), vm.vmid(), power, uptime, pending, lock, gpu,
                nodeState, operation);
    }

    public List<NodeView> nodes(@Nullable String cluster) {
        targets.client(cluster);
        control.reconcile();
        return asBooked(cluster);
    }

    /**
     * The nodes with the holders Rigplane's claims name, without first dropping stale claims (which
     * looks at each holder's VM): a fixed number of queries however many nodes and GPUs.
     */
    public List<NodeView> asBooked(@Nullable String cluster) {
        ProxmoxClient client = targets.client(cluster);
        String id = client.clusterId();
        List<PciMapping> mappings = client.pciMappings();
        Map<String, String> holders = claims.all().stream().filter(c -> c.gpu().cluster().equals(id))
                .collect(Collectors.toMap(c -> c.gpu().node() + "/" + c.gpu().mapping(), GpuClaims.Claim::profile));
        Map<String, String> macs = wake.macs(id);
        return client.nodes().stream().map(n -> view(id, n, mappings, holders, macs)).toList();
    }

    private NodeView view(String cluster, NodeSummary n, List<PciMapping> mappings, Map<String, String> holders,
            Map<String, String> macs) {
        List<NodeView.Gpu> gpus = mappings.stream().flatMap(m -> m.on(n.node()).stream()
                .map(entry -> new NodeView.Gpu(m.id(), entry.path(), holders.get(n.node() + "/" + m.id())))).toList();
        String mac = macs.get(n.node());
        String state = n.online() ? "online" : n.status().equals("offline") ? "offline" : "unknown";
        return new NodeView(cluster, n.node(), state, n.cpu(), n.maxcpu(), n.mem(), n.maxmem(), n.uptime(), gpus, mac);
    }

    private static String nodeState(ProxmoxClient client, String node) {
        try {
            return client.nodes().stream().filter(n -> n.node().equals(node)).findFirst()
                    .map(n -> n.online() ? "online" : "offline").orElse("unknown");
        } catch (ProxmoxException e) {
            return "unknown";
        }
    }
}
