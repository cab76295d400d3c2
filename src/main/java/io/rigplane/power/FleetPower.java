package io.rigplane.power;

import io.rigplane.operation.OperationBrief;
import io.rigplane.operation.OperationPhase;
import io.rigplane.power.internal.PowerReadings;
import io.rigplane.power.node.NodeView;
import io.rigplane.power.node.WakeHandler;
import io.rigplane.profile.ProfileView;
import io.rigplane.profile.VmState;
import io.rigplane.profile.VmStates;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.proxmox.ClusterVm;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Power across the fleet at a glance, for pages that show every profile and node at once: one list
 * of VMs per cluster and one read of the nodes, whatever their number. What one profile's page needs
 * in detail stays with {@link PowerControl} and the power panel.
 */
@Service
public class FleetPower implements VmStates {

    private final ProfileVms vms;
    private final PowerReadings readings;

    FleetPower(ProfileVms vms, PowerReadings readings) {
        this.vms = vms;
        this.readings = readings;
    }

    /** Each profile's VM as the cluster lists it: found by its identity tag, as provisioning finds it. */
    @Override
    public Map<String, VmState> of(Collection<ProfileView> profiles) {
        Map<String, VmState> states = new HashMap<>();
        Map<ProxmoxClient, List<ProfileView>> byCluster = profiles.stream()
                .collect(Collectors.groupingBy(vms::client, LinkedHashMap::new, Collectors.toList()));
        byCluster.forEach((client, members) -> {
            List<ClusterVm> listed;
            try {
                listed = client.vms();
            } catch (ProxmoxException e) {
                members.forEach(p -> states.put(p.spec().name(), new VmState(p.boundVmid(), null, VmState.UNKNOWN)));
                return;
            }
            for (ProfileView profile : members) {
                Optional<ClusterVm> vm = listed.stream().filter(v -> v.tags().contains(profile.identityTag()))
                        .findFirst();
                states.put(profile.spec().name(), vm.map(FleetPower::state)
                        .orElseGet(() -> new VmState(null, null, VmState.NOT_CREATED)));
            }
        });
        return states;
    }

    private static VmState state(ClusterVm vm) {
        String power = switch (vm.status()) {
            case "running", "stopped", "paused" -> vm.status();
            default -> VmState.UNKNOWN;
        };
        return new VmState(vm.vmid(), vm.node(), power);
    }

    /**
     * The nodes of the default cluster: awake, asleep or waking, and each GPU with the profile that
     * holds it. A claim whose holder neither runs nor has an operation at work is left out (it is
     * stale: the holder was stopped outside Rigplane, and its next start or the nodes page drops it).
     *
     * @param states what {@link #of} answered for the profiles
     * @param active the operations queued or running
     */
    public List<FleetNode> nodes(Map<String, VmState> states, Map<String, String> profileNodes,
            List<OperationBrief> active) {
        List<NodeView> nodes = readings.asBooked(null);
        Set<String> busy = active.stream().map(OperationBrief::target).collect(Collectors.toSet());
        Set<String> waking = new java.util.HashSet<>();
        for (OperationBrief operation : active) {
            if (operation.kind().equals(WakeHandler.KIND)) {
                waking.add(operation.target());
            } else if (operation.phase() == OperationPhase.WAKING_NODE) {
                VmState vm = states.get(operation.target());
                String node = vm != null && vm.node() != null ? vm.node() : profileNodes.get(operation.target());
                if (node != null) {
                    nodes.stream().filter(n -> n.node().equals(node)).findFirst()
                            .ifPresent(n -> waking.add(WakeHandler.target(n.cluster(), n.node())));
                }
            }
        }
        return nodes.stream().map(n -> new FleetNode(n.cluster(), n.node(),
                waking.contains(WakeHandler.target(n.cluster(), n.node())) ? FleetNode.WAKING : awake(n.state()),
                n.gpus().stream().map(g -> new FleetGpu(g.mapping(), g.path(),
                        holds(g.holder(), states, busy) ? g.holder() : null)).toList())).toList();
    }

    private static boolean holds(@Nullable String holder, Map<String, VmState> states, Set<String> busy) {
        if (holder == null) {
            return false;
        }
        VmState vm = states.get(holder);
        return busy.contains(holder) || vm == null || !(vm.power().equals("stopped")
                || vm.power().equals(VmState.NOT_CREATED));
    }

    private static String awake(String state) {
        return switch (state) {
            case "online" -> FleetNode.AWAKE;
            case "offline" -> FleetNode.ASLEEP;
            default -> "unknown";
        };
    }

    /** A node: {@code awake}, {@code asleep}, {@code waking} or {@code unknown}, and its GPUs. */
    public record FleetNode(String cluster, String node, String state, List<FleetGpu> gpus) {

        public static final String AWAKE = "awake";
        public static final String ASLEEP = "asleep";
        public static final String WAKING = "waking";
    }

    /** A GPU (a PCI mapping's device on the node) and the profile that holds it, if any. */
    public record FleetGpu(String mapping, String path, @Nullable String holder) {
    }
}
