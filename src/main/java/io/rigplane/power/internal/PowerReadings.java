package io.rigplane.power.internal;

import io.rigplane.operation.Operations;
import io.rigplane.power.PowerControl;
import io.rigplane.power.node.NodeView;
import io.rigplane.power.node.NodeWakeSettings;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.NodeSummary;
import io.rigplane.proxmox.PendingChange;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.proxmox.VmStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final GpuDevices devices;

    PowerReadings(ProfileVms vms, PowerTargets targets, GpuClaims claims, Operations operations,
            PowerControl control, NodeWakeSettings wake, GpuDevices devices) {
        this.devices = devices;
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
        List<GpuClaims.Claim> mine = claims.heldBy(profile);
        if (power.equals("stopped") && operation == null) {
            // stopped outside Rigplane: the GPU is free again
            mine.forEach(claim -> claims.release(claim.gpu(), profile));
            mine = List.of();
        }
        PowerStatus.Gpu gpu = null;
        if (mapping != null) {
            Optional<GpuClaims.Claim> held = mine.stream().filter(claim -> claim.gpu().mapping().equals(mapping))
                    .findFirst();
            String holder = held.isPresent() ? profile : firstHolder(client, mapping, vm.node());
            gpu = new PowerStatus.Gpu(mapping, held.map(claim -> claim.gpu().node()).orElse(vm.node()), held.isPresent(),
                    holder, held.map(claim -> claim.gpu().device()).orElse(null));
        }
        return new PowerStatus(profile, vm.cluster(), vm.node(), vm.vmid(), power, uptime, pending, lock, gpu,
                nodeState, operation);
    }

    /** Who holds the device the profile would want on its VM's node: the first one held of its mapping there. */
    private @Nullable String firstHolder(ProxmoxClient client, String mapping, String node) {
        try {
            for (GpuKey device : devices.of(client, mapping).getOrDefault(node, List.of())) {
                Optional<GpuClaims.Claim> holder = claims.holder(device);
                if (holder.isPresent()) {
                    return holder.get().profile();
                }
            }
        } catch (ProxmoxException e) {
            // no mappings to read: no holder to name
        }
        return null;
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
        List<GpuKey> gpus = devices.all(client);
        List<GpuClaims.Claim> held = claims.all().stream().filter(c -> c.gpu().cluster().equals(id)).toList();
        Map<String, String> macs = wake.macs(id);
        return client.nodes().stream().map(n -> view(id, n, gpus, held, macs)).toList();
    }

    private NodeView view(String cluster, NodeSummary n, List<GpuKey> devices, List<GpuClaims.Claim> held,
            Map<String, String> macs) {
        List<NodeView.Gpu> gpus = devices.stream().filter(device -> device.node().equals(n.node()))
                .map(device -> new NodeView.Gpu(device.mapping(), device.device(), held.stream()
                        .filter(claim -> claim.gpu().node().equals(device.node()) && (claim.gpu().device()
                                .equals(device.device()) || claim.gpu().device().equals(device.legacy())))
                        .map(GpuClaims.Claim::profile).findFirst().orElse(null)))
                .toList();
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
